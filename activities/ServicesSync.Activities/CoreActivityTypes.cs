namespace ServicesSync.Activities;

/// <summary>
/// Type ids of the core activity library. Definitions, templates and docs refer to these, so
/// they never change once published.
/// </summary>
public static class CoreActivityTypes
{
    public const string Manual = "core.manual";
    public const string Webhook = "core.webhook";
    public const string Schedule = "core.schedule";
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
}
