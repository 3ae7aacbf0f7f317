namespace ServicesSync.Activities;

/// <summary>
/// Type ids of the core activity library. Definitions, templates and docs refer to these, so
/// they never change once published.
/// </summary>
public static class CoreActivityTypes
{
    public const string Manual = Execution.Triggers.PlatformActivityTypes.ManualTrigger;
    public const string Webhook = Execution.Triggers.PlatformActivityTypes.WebhookTrigger;
    public const string Schedule = Execution.Triggers.PlatformActivityTypes.ScheduleTrigger;
    public const string Set = "core.set";
    public const string SetVariable = "core.setVariable";
    public const string Branch = "core.branch";
    public const string ForEach = "core.forEach";
    public const string Join = "core.join";
    public const string Batch = "core.batch";
    public const string CallWorkflow = "core.callWorkflow";
    public const string DeadLetter = "core.deadLetter";
    public const string Log = "core.log";
    public const string HttpRequest = "http.request";
    public const string EventTrigger = Execution.Triggers.PlatformActivityTypes.EventTrigger;
    public const string PublishEvent = "core.publishEvent";
    public const string WaitForEvent = "core.waitForEvent";
    public const string Delay = "core.delay";
    public const string WaitUntil = "core.waitUntil";
    public const string FileDrop = "core.fileDrop";
    public const string WatermarkGet = "core.watermarkGet";
    public const string WatermarkAdvance = "core.watermarkAdvance";
}
