namespace ServicesSync.Persistence;

/// <summary>
/// Work that needs a person: an incident (an activity failed after its retries) or a message a
/// workflow parked on purpose (<c>core.deadLetter</c>, e.g. a rate-card violation).
/// </summary>
public sealed record DeadLetterEntry
{
    public required string Id { get; init; }

    public required DeadLetterKind Kind { get; init; }

    public required string InstanceId { get; init; }

    public required string WorkflowId { get; init; }

    public required int WorkflowVersion { get; init; }

    public required string ActivityId { get; init; }

    public string Scope { get; init; } = "";

    public required string Reason { get; init; }

    public ErrorInfo? Error { get; init; }

    public string? MessageJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DeadLetterStatus Status { get; init; } = DeadLetterStatus.Open;

    public DateTimeOffset? ClosedAt { get; init; }
}

public enum DeadLetterKind
{
    Incident,
    Message,
}

public enum DeadLetterStatus
{
    Open,

    /// <summary>Retried or replayed; the new attempt has its own outcome.</summary>
    Retried,

    /// <summary>Closed without a retry (the run was cancelled, or an operator discarded it).</summary>
    Discarded,
}
