using ServicesSync.Errors;

namespace ServicesSync.Persistence;

/// <summary>
/// A batch of commits flattened into what a store applies in bulk: every journal entry and
/// dead letter (each refused when the batch holds it twice), the last state of each instance,
/// the published events, and the bookmark changes folded in commit order into one final set of
/// removals and additions, and the lease changes (the last one of each instance). Every store
/// applies the same plan, so they agree on what a batch means.
/// </summary>
internal sealed class CommitPlan
{
    private static readonly Dictionary<string, LeaseChange> NoLeases = [];

    private CommitPlan(
        IReadOnlyList<WorkflowInstance> instances,
        IReadOnlyList<JournalEntry> journal,
        IReadOnlyList<DeadLetterEntry> deadLetters,
        IReadOnlyList<OutboxEvent> events,
        IReadOnlyList<string> bookmarksRemoved,
        IReadOnlyList<BookmarkRecord> bookmarksAdded,
        IReadOnlyDictionary<string, LeaseChange> leases)
    {
        Instances = instances;
        Journal = journal;
        DeadLetters = deadLetters;
        Events = events;
        BookmarksRemoved = bookmarksRemoved;
        BookmarksAdded = bookmarksAdded;
        Leases = leases;
    }

    public IReadOnlyList<WorkflowInstance> Instances { get; }

    public IReadOnlyList<JournalEntry> Journal { get; }

    public IReadOnlyList<DeadLetterEntry> DeadLetters { get; }

    public IReadOnlyList<OutboxEvent> Events { get; }

    public IReadOnlyList<string> BookmarksRemoved { get; }

    public IReadOnlyList<BookmarkRecord> BookmarksAdded { get; }

    /// <summary>Per instance id, the lease change of its last commit in the batch that had one.</summary>
    public IReadOnlyDictionary<string, LeaseChange> Leases { get; }

    public static CommitPlan Create(IReadOnlyList<InstanceCommit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var instances = new Dictionary<string, WorkflowInstance>(commits.Count, StringComparer.Ordinal);
        var journal = new List<JournalEntry>(commits.Count * 2);
        var journalKeys = new HashSet<(string, long)>();
        var deadLetters = new List<DeadLetterEntry>();
        var deadLetterIds = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<OutboxEvent>();
        Dictionary<string, BookmarkRecord?>? bookmarks = null;
        Dictionary<string, LeaseChange>? leases = null;
        foreach (var commit in commits)
        {
            CommitValidation.EnsureBelongsToInstance(commit);
            instances[commit.Instance.Id] = commit.Instance;
            foreach (var entry in commit.Journal)
            {
                if (!journalKeys.Add((entry.InstanceId, entry.Sequence)))
                {
                    throw new ConflictException($"The commit batch was not applied: it holds journal entry {entry.Sequence} of instance '{entry.InstanceId}' twice.");
                }

                journal.Add(entry);
            }

            foreach (var deadLetter in commit.DeadLetters)
            {
                if (!deadLetterIds.Add(deadLetter.Id))
                {
                    throw new ConflictException($"The commit batch was not applied: it holds dead letter '{deadLetter.Id}' twice.");
                }

                deadLetters.Add(deadLetter);
            }

            events.AddRange(commit.Events);
            if (commit.Lease is { } lease)
            {
                (leases ??= new(StringComparer.Ordinal))[commit.Instance.Id] = lease;
            }

            foreach (var id in commit.BookmarksRemoved)
            {
                (bookmarks ??= new(StringComparer.Ordinal))[id] = null;
            }

            foreach (var bookmark in commit.BookmarksAdded)
            {
                (bookmarks ??= new(StringComparer.Ordinal))[bookmark.Id] = bookmark;
            }
        }

        var removed = new List<string>();
        var added = new List<BookmarkRecord>();
        foreach (var (id, bookmark) in bookmarks ?? [])
        {
            if (bookmark is null)
            {
                removed.Add(id);
            }
            else
            {
                added.Add(bookmark);
            }
        }

        return new CommitPlan([.. instances.Values], journal, deadLetters, events, removed, added, leases ?? NoLeases);
    }
}
