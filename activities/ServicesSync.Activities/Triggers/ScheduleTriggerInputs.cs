namespace ServicesSync.Activities.Triggers;

internal sealed class ScheduleTriggerInputs
{
    // Schedules are registered when a workflow is published, before any run exists.
    [Input(
        Required = true,
        Expressions = false,
        Editor = EditorHints.Cron,
        Description = "Quartz cron expression with seconds, for example 0 0 6 ? * MON-FRI for 06:00 on weekdays.")]
    public string? Cron { get; set; }

    [Input(Expressions = false, Description = "IANA time zone the cron expression is read in, for example Europe/Berlin.")]
    public string TimeZone { get; set; } = "UTC";
}
