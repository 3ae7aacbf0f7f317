namespace ServicesSync.Activities.Triggers;

/// <summary>Schedules are registered when a workflow is published, before any run exists: nothing here is an expression.</summary>
internal sealed class ScheduleTriggerInputs
{
    [Input(
        Expressions = false,
        Editor = EditorHints.Cron,
        Description = "Quartz cron expression with seconds, for example 0 0 6 ? * MON-FRI for 06:00 on weekdays. Set this or interval.")]
    public string? Cron { get; set; }

    [Input(
        Expressions = false,
        Description = "A fixed period instead of a cron expression, as an ISO 8601 duration (PT15M). Occurrences fall on multiples of it counted from 1970-01-01T00:00Z, so PT15M fires at :00, :15, :30 and :45.")]
    public TimeSpan? Interval { get; set; }

    [Input(Expressions = false, Description = "IANA time zone the cron expression is read in, for example Europe/Berlin; daylight-saving changes are followed.")]
    public string TimeZone { get; set; } = "UTC";

    [Input(
        Expressions = false,
        Description = "Occurrences missed while no runtime was running: fireOnce starts one catch-up run at start-up, skip starts none.")]
    public ScheduleMisfire Misfire { get; set; } = ScheduleMisfire.FireOnce;
}

internal enum ScheduleMisfire
{
    FireOnce,
    Skip,
}
