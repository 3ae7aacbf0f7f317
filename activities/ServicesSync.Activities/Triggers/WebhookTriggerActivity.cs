namespace ServicesSync.Activities.Triggers;

/// <summary>
/// Starts a run when a request arrives at <c>/hooks/{path}</c>. The host matches the route and
/// hands the request body in as the message; the activity only passes it on.
/// </summary>
[Activity(
    CoreActivityTypes.Webhook,
    Category = "Triggers",
    DisplayName = "Webhook",
    Description = "Starts the workflow when an HTTP request arrives at /hooks/{path}; the request body becomes the message.",
    IsTrigger = true)]
internal sealed class WebhookTriggerActivity : Activity<WebhookTriggerInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(WebhookTriggerInputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
}
