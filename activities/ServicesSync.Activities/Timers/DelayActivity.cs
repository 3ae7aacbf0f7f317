using ServicesSync.Execution.Triggers;

namespace ServicesSync.Activities.Timers;

/// <summary>Waits a while, durably: the timer is stored, so it survives restarts.</summary>
[Activity(
    CoreActivityTypes.Delay,
    Category = "Control",
    DisplayName = "Delay",
    Description = "Suspends the run for a duration (e.g. PT15M); the timer survives restarts. The message passes on unchanged.")]
internal sealed class DelayActivity : Activity<DelayInputs>, IResumableActivity
{
    protected override ValueTask<ActivityResult> ExecuteAsync(DelayInputs inputs, ActivityContext context)
    {
        if (inputs.Duration is not { } duration || duration < TimeSpan.Zero)
        {
            throw context.InvalidInput("duration", "must be an ISO 8601 duration of zero or more, e.g. PT15M.");
        }

        return ValueTask.FromResult(duration == TimeSpan.Zero
            ? ActivityResult.Done(context.PassThrough())
            : ActivityResult.Suspend(new Bookmark(PlatformActivityTypes.TimerBookmark, null, context.Clock.GetUtcNow() + duration)));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkResumption resumption)
        => ValueTask.FromResult(ActivityResult.Done(context?.PassThrough()));
}

internal sealed class DelayInputs
{
    [Input(Required = true, Description = "How long to wait, as an ISO 8601 duration (PT30S, PT15M, P1D).")]
    public TimeSpan? Duration { get; set; }
}
