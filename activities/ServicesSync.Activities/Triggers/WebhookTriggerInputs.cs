namespace ServicesSync.Activities.Triggers;

internal sealed class WebhookTriggerInputs
{
    // Routes are registered when a workflow is published, so the path cannot depend on a run.
    [Input(
        Required = true,
        Expressions = false,
        Description = "Route below /hooks/, for example jira/worklogs.")]
    public string? Path { get; set; }

    [Input(Expressions = false, Description = "HTTP method the hook accepts.")]
    public WebhookMethod Method { get; set; } = WebhookMethod.Post;
}

internal enum WebhookMethod
{
    Post,
    Put,
}
