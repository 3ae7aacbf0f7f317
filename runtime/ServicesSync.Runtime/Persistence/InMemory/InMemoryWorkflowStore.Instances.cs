using ServicesSync.Errors;

namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, WorkflowInstance> _instances = new(StringComparer.Ordinal);

    // Each journal is kept sorted by sequence; appends (the normal case) stay O(1).
    private readonly Dictionary<string, List<JournalEntry>> _journals = new(StringComparer.Ordinal);

    public Task CommitAsync(IReadOnlyList<InstanceCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var commit in commits)
        {
            CommitValidation.EnsureBelongsToInstance(commit);
        }

        lock (_gate)
        {
            // Validate the whole batch before touching anything: all or none.
            EnsureNoDuplicates(commits);
            foreach (var commit in commits)
            {
                Apply(commit);
            }
        }

        return Task.CompletedTask;
    }

    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.GetValueOrDefault(id));
        }
    }

    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            var matches = _instances.Values
                .Where(i => (query.WorkflowId is null || i.WorkflowId == query.WorkflowId)
                    && (query.Status is null || i.Status == query.Status)
                    && (query.CreatedFrom is null || i.CreatedAt >= query.CreatedFrom)
                    && (query.CreatedTo is null || i.CreatedAt < query.CreatedTo))
                .ToList();
            var page = matches
                .OrderByDescending(i => i.CreatedAt)
                .ThenByDescending(i => i.Id, StringComparer.Ordinal)
                .Skip(Math.Max(0, query.Skip))
                .Take(ClampTake(query.Take))
                .ToList();
            return Task.FromResult(InstancePage.Counted(page, matches.Count, query));
        }
    }

    public Task<IReadOnlyList<string>> ListIdsAsync(InstanceStatus status, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<string> ids = _instances.Values.Where(i => i.Status == status).Select(i => i.Id).ToList();
            return Task.FromResult(ids);
        }
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, string? loopKey, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_journals.TryGetValue(instanceId, out var journal))
            {
                return Task.FromResult<IReadOnlyList<JournalEntry>>([]);
            }

            IReadOnlyList<JournalEntry> result = loopKey is null
                ? journal.ToArray()
                : journal
                    .Where(e => e.Kind == JournalEntryKind.ItemCompleted && e.LoopKey == loopKey)
                    .OrderBy(e => e.ItemIndex)
                    .ThenBy(e => e.Sequence)
                    .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var withOpenDeadLetter = _deadLetters.Values
                .Where(d => d.Status == DeadLetterStatus.Open)
                .Select(d => d.InstanceId)
                .ToHashSet(StringComparer.Ordinal);
            var victims = _instances.Values
                .Where(i => i.Status is InstanceStatus.Completed or InstanceStatus.Cancelled
                    && i.FinishedAt < finishedBefore
                    && !withOpenDeadLetter.Contains(i.Id))
                .OrderBy(i => i.FinishedAt)
                .Take(Math.Max(0, max))
                .Select(i => i.Id)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var id in victims)
            {
                _instances.Remove(id);
                _journals.Remove(id);
                RemoveBookmarksOf(id);
            }

            foreach (var deadLetter in _deadLetters.Values.Where(d => victims.Contains(d.InstanceId)).ToList())
            {
                _deadLetters.Remove(deadLetter.Id);
            }

            return Task.FromResult(victims.Count);
        }
    }

    private void EnsureNoDuplicates(IReadOnlyList<InstanceCommit> commits)
    {
        // The sets only catch duplicates inside the batch itself; stored entries are checked
        // against the sorted journal, where an append needs a single comparison.
        HashSet<(string, long)>? batchEntries = null;
        HashSet<string>? batchDeadLetters = null;
        foreach (var commit in commits)
        {
            var journal = _journals.GetValueOrDefault(commit.Instance.Id);
            foreach (var entry in commit.Journal)
            {
                if ((journal is not null && Contains(journal, entry.Sequence))
                    || !(batchEntries ??= []).Add((entry.InstanceId, entry.Sequence)))
                {
                    throw new ConflictException(CommitValidation.DuplicateJournalEntry(entry));
                }
            }

            foreach (var deadLetter in commit.DeadLetters)
            {
                if (_deadLetters.ContainsKey(deadLetter.Id) || !(batchDeadLetters ??= new(StringComparer.Ordinal)).Add(deadLetter.Id))
                {
                    throw new ConflictException(CommitValidation.DuplicateDeadLetter(deadLetter));
                }
            }
        }
    }

    private void Apply(InstanceCommit commit)
    {
        var instance = commit.Instance;
        _instances[instance.Id] = instance;
        if (commit.Journal.Count > 0)
        {
            if (!_journals.TryGetValue(instance.Id, out var journal))
            {
                journal = [];
                _journals.Add(instance.Id, journal);
            }

            foreach (var entry in commit.Journal)
            {
                Insert(journal, entry);
            }
        }

        foreach (var deadLetter in commit.DeadLetters)
        {
            _deadLetters.Add(deadLetter.Id, deadLetter);
        }

        AddEvents(commit);

        foreach (var bookmarkId in commit.BookmarksRemoved)
        {
            RemoveBookmark(bookmarkId);
        }

        foreach (var bookmark in commit.BookmarksAdded)
        {
            AddBookmark(bookmark);
        }
    }

    private static bool Contains(List<JournalEntry> journal, long sequence)
        => journal.Count > 0 && sequence <= journal[^1].Sequence && IndexOf(journal, sequence) >= 0;

    private static void Insert(List<JournalEntry> journal, JournalEntry entry)
    {
        if (journal.Count == 0 || entry.Sequence > journal[^1].Sequence)
        {
            journal.Add(entry);
            return;
        }

        journal.Insert(~IndexOf(journal, entry.Sequence), entry);
    }

    private static int IndexOf(List<JournalEntry> journal, long sequence)
    {
        int low = 0, high = journal.Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var current = journal[middle].Sequence;
            if (current == sequence)
            {
                return middle;
            }

            if (current < sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
