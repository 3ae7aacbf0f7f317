namespace ServicesSync.Persistence;

/// <summary>The dead-letter list. Entries are created through <see cref="IInstanceStore.CommitAsync"/>.</summary>
public interface IDeadLetterStore
{
    Task<DeadLetterEntry?> GetDeadLetterAsync(string id, CancellationToken cancellationToken);

    /// <summary>Entries newest first, filtered by status and workflow when given; <paramref name="take"/> is clamped to <see cref="InstanceQuery.MaxTake"/>.</summary>
    Task<IReadOnlyList<DeadLetterEntry>> QueryDeadLettersAsync(DeadLetterStatus? status, string? workflowId, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Open entries of one instance (what a retry resolves).</summary>
    Task<IReadOnlyList<DeadLetterEntry>> ListOpenDeadLettersAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Closes entries; entries already closed and unknown ids are left as they are.</summary>
    Task CloseDeadLettersAsync(IReadOnlyCollection<string> ids, DeadLetterStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken);
}
