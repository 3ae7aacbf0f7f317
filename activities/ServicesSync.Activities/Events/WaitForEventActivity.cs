using ServicesSync.Execution.Triggers;

namespace ServicesSync.Activities.Events;

/// <summary>
/// Waits, durably, until a business event with this name and correlation key is published (the
/// worker's ERP record exists, a manager approved), or until the timeout passes.
/// </summary>
[Activity(
    CoreActivityTypes.WaitForEvent,
    Category = "Events",
    DisplayName = "Wait for event",
    Description = "Suspends the run until an event with this name and correlation key arrives ('received', with the event payload) or the timeout passes ('timeout', with the message it was waiting with).",
    Outcomes = [Received, TimedOut])]
internal sealed class WaitForEventActivity : Activity<WaitForEventInputs>, IResumableActivity
{
    public const string Received = "received";
    public const string TimedOut = "timeout";

    protected override ValueTask<ActivityResult> ExecuteAsync(WaitForEventInputs inputs, ActivityContext context)
    {
        if (string.IsNullOrWhiteSpace(inputs.Name))
        {
            throw context.InvalidInput("name", "is empty; name the event to wait for.");
        }

        if (inputs.Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw context.InvalidInput("timeout", "must be longer than zero.");
        }

        var resumeAt = inputs.Timeout is { } wait ? context.Clock.GetUtcNow() + wait : (DateTimeOffset?)null;
        return ValueTask.FromResult(ActivityResult.Suspend(
            new Bookmark(PlatformActivityTypes.EventBookmark(inputs.Name), inputs.CorrelationKey, resumeAt)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkResumption resumption)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(resumption);
        return ValueTask.FromResult(resumption.TimedOut
            ? ActivityResult.Outcome(TimedOut, context.PassThrough())
            : ActivityResult.Outcome(Received, resumption.Input?.DeepClone()));
    }
}

internal sealed class WaitForEventInputs
{
    [Input(Required = true, Description = "Event name, for example erp.employeeCreated.")]
    public string? Name { get; set; }

    [Input(Description = "Only an event with this key resumes the run, e.g. the worker id.")]
    public string? CorrelationKey { get; set; }

    [Input(Description = "How long to wait before taking 'timeout'; waits for ever when not set.")]
    public TimeSpan? Timeout { get; set; }
}
