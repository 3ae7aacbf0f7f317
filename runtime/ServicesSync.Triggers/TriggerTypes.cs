namespace ServicesSync.Triggers;

/// <summary>The trigger type ids this project gives meaning to (the activity library describes them).</summary>
internal static class TriggerTypes
{
    public const string Schedule = Execution.Triggers.PlatformActivityTypes.ScheduleTrigger;

    /// <summary>Also <c>CoreActivityTypes.FileDrop</c> in the activity library.</summary>
    public const string FileDrop = "core.fileDrop";
}
