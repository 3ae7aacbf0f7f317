using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Events;

/// <summary>
/// Publishes a business event. It is stored with this step's completion (an outbox), so it is
/// delivered exactly once to every subscribed workflow and every run waiting for it, even if the
/// runtime stops right after. The message passes on unchanged.
/// </summary>
[Activity(
    CoreActivityTypes.PublishEvent,
    Category = "Events",
    DisplayName = "Publish event",
    Description = "Publishes a business event (e.g. worker.activated) to subscribed workflows and waiting runs; the message passes on unchanged.")]
internal sealed class PublishEventActivity : Activity<PublishEventInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(PublishEventInputs inputs, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(inputs.Name))
        {
            throw context.InvalidInput("name", "is empty; give the event a name such as worker.activated.");
        }

        context.PublishEvent(inputs.Name, context.InputOrMessage(inputs.Payload), inputs.CorrelationKey);
        return ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
    }
}

internal sealed class PublishEventInputs
{
    [Input(Required = true, Description = "Event name, for example worker.activated.")]
    public string? Name { get; set; }

    [Input(Description = "What the event carries; the incoming message when not set.")]
    public JsonNode? Payload { get; set; }

    [Input(Description = "Which waiting runs it concerns, e.g. the worker id; runs waiting with the same key are resumed.")]
    public string? CorrelationKey { get; set; }
}
