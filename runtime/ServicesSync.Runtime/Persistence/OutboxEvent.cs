namespace ServicesSync.Persistence;

/// <summary>
/// A business event a run published (<c>worker.activated</c>, <c>timesheet.approved</c>). It is
/// written in the same commit as the step that published it, and dispatched afterwards to every
/// subscribed workflow and every run waiting for it.
/// </summary>
public sealed record OutboxEvent
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Which waiting runs it concerns (a worker id, a timesheet id); any when null.</summary>
    public string? CorrelationKey { get; init; }

    public string PayloadJson { get; init; } = "null";

    public string? SourceInstanceId { get; init; }

    public string? SourceActivityId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When every subscriber was started and every waiting run resumed; null while pending.</summary>
    public DateTimeOffset? DispatchedAt { get; init; }
}
