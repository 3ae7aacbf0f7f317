namespace ServicesSync.Persistence;

/// <summary>
/// Everything one step of one instance changes, written atomically: the new instance state, the
/// journal entries that explain it, and the dead letters and bookmarks it created or removed.
/// </summary>
public sealed record InstanceCommit(
    WorkflowInstance Instance,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<DeadLetterEntry> DeadLetters,
    IReadOnlyList<BookmarkRecord> BookmarksAdded,
    IReadOnlyList<string> BookmarksRemoved)
{
    /// <summary>Business events the step published (the outbox), written in the same transaction.</summary>
    public IReadOnlyList<OutboxEvent> Events { get; init; } = [];

    /// <summary>The run's lease taken or given back with this commit; null leaves it as it is.</summary>
    public LeaseChange? Lease { get; init; }

    public static InstanceCommit StateOnly(WorkflowInstance instance) => new(instance, [], [], [], []);
}
