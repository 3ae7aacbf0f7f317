using System.Text.Json.Nodes;

namespace ServicesSync.Definitions;

/// <summary>One activity placed in a workflow.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    /// <summary>Activity type id such as <c>core.script</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Version of the activity type; the newest registered one when omitted.</summary>
    public int? TypeVersion { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Input values by name: JSON literals or <c>{ "expression": { … } }</c> objects.</summary>
    public JsonObject Inputs { get; init; } = [];

    public RetryPolicySpec? Retry { get; init; }

    /// <summary>Time budget of one attempt; none when omitted.</summary>
    public TimeSpan? Timeout { get; init; }
}
