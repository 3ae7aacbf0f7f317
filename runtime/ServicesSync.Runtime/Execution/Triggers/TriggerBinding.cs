using ServicesSync.Definitions;

namespace ServicesSync.Execution.Triggers;

/// <summary>A trigger of the newest published version of a workflow: what starts runs of it.</summary>
public sealed record TriggerBinding(string WorkflowId, int Version, ActivityNode Trigger)
{
    /// <summary>A literal string input of the trigger (its path, cron, event name), or null.</summary>
    public string? Input(string name)
        => Trigger.Inputs[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
