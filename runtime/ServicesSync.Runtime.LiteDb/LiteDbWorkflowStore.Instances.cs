using LiteDB;
using ServicesSync.Errors;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task CommitAsync(IReadOnlyList<InstanceCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Mapping happens before the write gate so the time spent holding it is LiteDB's alone.
        var batch = CommitBatch.Create(commits);
        return WriteAsync(() => Apply(batch), cancellationToken);
    }

    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.Instances).FindById(id) is { } document ? InstanceDocuments.To(document) : null);

    public Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Filter.Where();
        if (query.WorkflowId is not null)
        {
            filter.Eq("workflowId", query.WorkflowId);
        }

        if (query.Status is { } status)
        {
            filter.Eq("status", status.ToString());
        }

        if (query.CreatedFrom is { } from)
        {
            filter.Gte("createdAt", from.UtcTicks);
        }

        if (query.CreatedTo is { } to)
        {
            filter.Lt("createdAt", to.UtcTicks);
        }

        return ReadAsync(() =>
        {
            var instances = Collection(Collections.Instances);
            // LiteDB has no cheaper bounded count: it counts every match, and the page caps the
            // figure at the query's bound as every store does.
            var total = filter.IsEmpty ? instances.Count() : instances.Count(filter);
            var take = ClampTake(query.Take);
            if (take == 0)
            {
                return InstancePage.Counted([], total, query);
            }

            var page = Filtered(instances.Query(), filter)
                .OrderByDescending("createdAt")
                .Skip(Math.Max(0, query.Skip))
                .Limit(take)
                .ToEnumerable()
                .Select(InstanceDocuments.To)
                .ToList();
            return InstancePage.Counted(page, total, query);
        });
    }

    public Task<IReadOnlyList<string>> ListIdsAsync(InstanceStatus status, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<string>>(() => Collection(Collections.Instances)
            .Find(Filter.Where().Eq("status", status.ToString()))
            .Select(d => d["_id"].AsString)
            .ToList());

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, string? loopKey, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<JournalEntry>>(() =>
        {
            // The key range can include an instance whose id extends this one with a slash;
            // the instance id check drops those.
            var (from, to) = JournalDocuments.IdRange(instanceId);
            var entries = Collection(Collections.Journal).Query()
                .Where(Filter.Where().Between("_id", from, to))
                .OrderBy("_id")
                .ToEnumerable()
                .Where(d => d["instanceId"].AsString == instanceId);
            if (loopKey is null)
            {
                return entries.Select(JournalDocuments.To).ToList();
            }

            return entries
                .Where(d => d["kind"].AsString == nameof(JournalEntryKind.ItemCompleted) && d["loopKey"].AsString == loopKey)
                .Select(JournalDocuments.To)
                .OrderBy(e => e.ItemIndex)
                .ThenBy(e => e.Sequence)
                .ToList();
        });

    public Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return Task.FromResult(0);
        }

        return PruneCoreAsync(finishedBefore, max, cancellationToken);
    }

    private async Task<int> PruneCoreAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken)
    {
        var pruned = await WriteAsync(
            () =>
            {
                var instances = Collection(Collections.Instances);
                var deadLetters = Collection(Collections.DeadLetters);
                var keep = deadLetters.Find(Filter.Where().Eq("status", nameof(DeadLetterStatus.Open)))
                    .Select(d => d["instanceId"].AsString)
                    .ToHashSet(StringComparer.Ordinal);

                // At most one candidate per kept instance is skipped, so this bound is enough.
                var candidates = (int)Math.Min((long)max + keep.Count, int.MaxValue);
                var victims = instances.Query()
                    .Where(Filter.Where()
                        .Gte("finishedAt", 0L)
                        .Lt("finishedAt", finishedBefore.UtcTicks)
                        .In("status", nameof(InstanceStatus.Completed), nameof(InstanceStatus.Cancelled)))
                    .OrderBy("finishedAt")
                    .Limit(candidates)
                    .ToEnumerable()
                    .Select(d => d["_id"].AsString)
                    .Where(id => !keep.Contains(id))
                    .Take(max)
                    .ToList();

                var journal = Collection(Collections.Journal);
                var bookmarks = Collection(Collections.Bookmarks);
                foreach (var id in victims)
                {
                    var (from, to) = JournalDocuments.IdRange(id);
                    instances.Delete(id);
                    journal.DeleteMany(Filter.Where().Between("_id", from, to).Eq("instanceId", id));
                    bookmarks.DeleteMany(Filter.Where().Eq("instanceId", id));
                    deadLetters.DeleteMany(Filter.Where().Eq("instanceId", id));
                }

                return victims.Count;
            },
            cancellationToken);
        if (pruned > 0)
        {
            Log.Pruned(_logger, pruned, finishedBefore);
        }

        return pruned;
    }

    private int Apply(CommitBatch batch)
    {
        var journal = Collection(Collections.Journal);
        var deadLetters = Collection(Collections.DeadLetters);
        try
        {
            journal.Insert(batch.Journal);
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new ConflictException($"The commit batch was not applied: a journal entry already exists for the same instance and sequence (two writers on one instance?). {e.Message}", e);
        }

        if (batch.DeadLetters.Count > 0)
        {
            try
            {
                deadLetters.Insert(batch.DeadLetters);
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw new ConflictException($"The commit batch was not applied: a dead letter with the same id already exists. {e.Message}", e);
            }
        }

        Collection(Collections.Instances).Upsert(batch.Instances);
        if (batch.Events.Count > 0)
        {
            // An event id is derived from the step that published it: a repeated commit of the
            // same step must not duplicate it.
            Collection(Collections.Events).Upsert(batch.Events);
        }

        var bookmarks = Collection(Collections.Bookmarks);
        foreach (var id in batch.BookmarksRemoved)
        {
            bookmarks.Delete(id);
        }

        if (batch.BookmarksAdded.Count > 0)
        {
            bookmarks.Upsert(batch.BookmarksAdded);
        }

        return batch.Instances.Count;
    }

    private static ILiteQueryable<BsonDocument> Filtered(ILiteQueryable<BsonDocument> query, Filter filter)
        => filter.IsEmpty ? query : query.Where(filter);
}
