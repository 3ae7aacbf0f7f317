namespace ServicesSync.Persistence;

/// <summary>Instances, their journals and bookmarks.</summary>
public interface IInstanceStore
{
    /// <summary>
    /// Applies a group of commits (usually from many instances) in one transaction: all or none.
    /// Commits apply in list order: journal entries are appended, the instance documents
    /// replaced, dead letters inserted, bookmarks removed and then added (an added bookmark
    /// replaces one with the same id). A journal sequence or dead-letter id that already exists
    /// is a <see cref="Errors.ConflictException"/> and nothing of the batch is applied.
    /// </summary>
    Task CommitAsync(IReadOnlyList<InstanceCommit> commits, CancellationToken cancellationToken);

    Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// One page of the instances matching <paramref name="query"/>, newest first, and how many
    /// match: exactly up to <see cref="InstanceQuery.CountBound"/>; beyond it, that bound with
    /// <see cref="InstancePage.TotalExact"/> false.
    /// </summary>
    Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The ids of every instance in <paramref name="status"/> (start-up recovery).</summary>
    Task<IReadOnlyList<string>> ListIdsAsync(InstanceStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// The journal in sequence order, or with <paramref name="loopKey"/> only the
    /// <see cref="JournalEntryKind.ItemCompleted"/> entries of that for-each execution, in item order.
    /// </summary>
    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, string? loopKey, CancellationToken cancellationToken);

    Task<IReadOnlyList<BookmarkRecord>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Bookmarks waiting for an event <paramref name="name"/> with <paramref name="correlationKey"/> (any key when null).</summary>
    Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? correlationKey, CancellationToken cancellationToken);

    /// <summary>Bookmarks whose <see cref="BookmarkRecord.ResumeAt"/> is at or before <paramref name="dueBy"/>, earliest first.</summary>
    Task<IReadOnlyList<BookmarkRecord>> ListDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes up to <paramref name="max"/> completed or cancelled instances that finished before
    /// <paramref name="finishedBefore"/> (oldest first), with their journals, bookmarks and closed
    /// dead letters. Instances with an open dead letter are kept. Returns how many were deleted.
    /// </summary>
    Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken);
}
