namespace ServicesSync.Activities.Events;

/// <summary>
/// Starts the workflow whenever a business event with this name is published (by another run's
/// <c>core.publishEvent</c> or through the API); the event's payload becomes the message.
/// </summary>
[Activity(
    CoreActivityTypes.EventTrigger,
    Category = "Triggers",
    DisplayName = "Event",
    Description = "Starts the workflow when a business event with this name is published; the event payload becomes the message.",
    IsTrigger = true)]
internal sealed class EventTriggerActivity : Activity<EventTriggerInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(EventTriggerInputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
}

internal sealed class EventTriggerInputs
{
    // Subscriptions are known when the workflow is published, so the name cannot depend on a run.
    [Input(Required = true, Expressions = false, Description = "Event name, for example worker.activated.")]
    public string? Name { get; set; }
}
