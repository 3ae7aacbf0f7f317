using System.Text.Json.Nodes;
using ServicesSync.Definitions;

namespace ServicesSync.Execution;

/// <summary>What to run and with which message.</summary>
public sealed record StartRunRequest
{
    public required string WorkflowId { get; init; }

    public JsonNode? Input { get; init; }

    /// <summary>A published version; the newest when null.</summary>
    public int? Version { get; init; }

    /// <summary>
    /// Runs this definition instead of a published one (the CLI's <c>run</c>, the designer's
    /// test run of a draft). It must already be valid.
    /// </summary>
    public WorkflowDefinition? Definition { get; init; }

    /// <summary>The trigger to start from; the first trigger of the definition when null.</summary>
    public string? TriggerActivityId { get; init; }

    /// <summary>
    /// A caller-chosen instance id, making the start idempotent: starting an id that already
    /// exists returns that instance instead of a second run.
    /// </summary>
    public string? InstanceId { get; init; }

    public string? CorrelationKey { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ReplayOf { get; init; }
}
