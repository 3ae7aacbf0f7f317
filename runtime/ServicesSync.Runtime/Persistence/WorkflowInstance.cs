namespace ServicesSync.Persistence;

/// <summary>
/// One run of a published workflow version as persisted. JSON payloads are kept as text so any
/// store can hold them verbatim; <see cref="StateJson"/> is the engine's resumable state.
/// </summary>
public sealed record WorkflowInstance
{
    public required string Id { get; init; }

    public required string WorkflowId { get; init; }

    public required int WorkflowVersion { get; init; }

    public required InstanceStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The trigger activity the run started from.</summary>
    public required string TriggerActivityId { get; init; }

    public string? InputJson { get; init; }

    public string? OutputJson { get; init; }

    public ErrorInfo? Error { get; init; }

    public string VariablesJson { get; init; } = "{}";

    /// <summary>Engine state: pending work, joins, loops, faulted and suspended work.</summary>
    public string StateJson { get; init; } = "{}";

    /// <summary>Number of journal entries written; the next entry gets this sequence number.</summary>
    public long JournalLength { get; init; }

    public int IncidentCount { get; init; }

    public int DeadLetterCount { get; init; }

    public string? ParentInstanceId { get; init; }

    /// <summary>Set when this run replays a dead-lettered run.</summary>
    public string? ReplayOf { get; init; }

    public string? CorrelationKey { get; init; }

    /// <summary>
    /// The definition itself, for runs of a definition that is not a published version (the
    /// CLI's <c>run</c>, a designer test run of a draft), so that they can resume too.
    /// </summary>
    public string? AdHocDefinitionJson { get; init; }
}
