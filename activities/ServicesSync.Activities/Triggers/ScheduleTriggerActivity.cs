namespace ServicesSync.Activities.Triggers;

/// <summary>
/// Starts a run on a cron schedule. The scheduler owns the timing; by the time this activity
/// runs, the firing has happened and its payload is the message.
/// </summary>
[Activity(
    CoreActivityTypes.Schedule,
    Category = "Triggers",
    DisplayName = "Schedule",
    Description = "Starts the workflow on a cron schedule (with seconds) in a time zone, or every fixed interval. The message is { scheduledTime, scheduledLocalTime, firedAt, timeZone, catchUp }.",
    IsTrigger = true)]
internal sealed class ScheduleTriggerActivity : Activity<ScheduleTriggerInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(ScheduleTriggerInputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
}
