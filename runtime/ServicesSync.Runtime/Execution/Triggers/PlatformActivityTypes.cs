namespace ServicesSync.Execution.Triggers;

/// <summary>
/// Type ids the runtime itself gives meaning to: the triggers it starts runs from and the
/// bookmark names of its waits. Fixed by the design; the activity library implements them.
/// </summary>
public static class PlatformActivityTypes
{
    public const string ManualTrigger = "core.manual";
    public const string WebhookTrigger = "core.webhook";
    public const string ScheduleTrigger = "core.schedule";
    public const string EventTrigger = "core.event";

    /// <summary>Bookmark name of a run waiting for a business event: <c>event:timesheet.approved</c>.</summary>
    public static string EventBookmark(string eventName) => "event:" + eventName;

    /// <summary>Bookmark name of a durable timer (delay, wait until).</summary>
    public const string TimerBookmark = "timer";
}
