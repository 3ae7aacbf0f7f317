using ServicesSync.Execution.Triggers;

namespace ServicesSync.Activities.Timers;

/// <summary>Waits, durably, until a point in time; a time already past continues at once.</summary>
[Activity(
    CoreActivityTypes.WaitUntil,
    Category = "Control",
    DisplayName = "Wait until",
    Description = "Suspends the run until a date and time with offset (e.g. 2026-12-01T09:00:00+01:00); the message passes on unchanged.")]
internal sealed class WaitUntilActivity : Activity<WaitUntilInputs>, IResumableActivity
{
    protected override ValueTask<ActivityResult> ExecuteAsync(WaitUntilInputs inputs, ActivityContext context)
    {
        if (inputs.Until is not { } until)
        {
            throw context.InvalidInput("until", "must be a date and time with an offset, e.g. 2026-12-01T09:00:00+01:00.");
        }

        return ValueTask.FromResult(until <= context.Clock.GetUtcNow()
            ? ActivityResult.Done(context.PassThrough())
            : ActivityResult.Suspend(new Bookmark(PlatformActivityTypes.TimerBookmark, null, until)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkResumption resumption)
        => ValueTask.FromResult(ActivityResult.Done(context?.PassThrough()));
}

internal sealed class WaitUntilInputs
{
    [Input(Required = true, Description = "When to continue: a date and time with an offset.")]
    public DateTimeOffset? Until { get; set; }
}
