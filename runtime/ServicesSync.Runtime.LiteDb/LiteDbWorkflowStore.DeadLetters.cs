using LiteDB;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task<DeadLetterEntry?> GetDeadLetterAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.DeadLetters).FindById(id) is { } document ? DeadLetterDocuments.To(document) : null);

    public Task<IReadOnlyList<DeadLetterEntry>> QueryDeadLettersAsync(DeadLetterStatus? status, string? workflowId, int skip, int take, CancellationToken cancellationToken)
    {
        var filter = Filter.Where();
        if (status is { } wanted)
        {
            filter.Eq("status", wanted.ToString());
        }

        if (workflowId is not null)
        {
            filter.Eq("workflowId", workflowId);
        }

        if (ClampTake(take) == 0)
        {
            return Task.FromResult<IReadOnlyList<DeadLetterEntry>>([]);
        }

        return ReadAsync<IReadOnlyList<DeadLetterEntry>>(() => Filtered(Collection(Collections.DeadLetters).Query(), filter)
            .OrderByDescending("createdAt")
            .Skip(Math.Max(0, skip))
            .Limit(ClampTake(take))
            .ToEnumerable()
            .Select(DeadLetterDocuments.To)
            .ToList());
    }

    public Task<IReadOnlyList<DeadLetterEntry>> ListOpenDeadLettersAsync(string instanceId, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<DeadLetterEntry>>(() => Collection(Collections.DeadLetters)
            .Find(Filter.Where().Eq("instanceId", instanceId))
            .Select(DeadLetterDocuments.To)
            .Where(d => d.Status == DeadLetterStatus.Open)
            .OrderBy(d => d.CreatedAt)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList());

    public Task CloseDeadLettersAsync(IReadOnlyCollection<string> ids, DeadLetterStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (status == DeadLetterStatus.Open)
        {
            throw new ArgumentException("Dead letters are closed as Retried or Discarded, not Open.", nameof(status));
        }

        return WriteAsync(
            () =>
            {
                var deadLetters = Collection(Collections.DeadLetters);
                foreach (var id in ids)
                {
                    var document = deadLetters.FindById(id);
                    if (document is not null && document["status"].AsString == nameof(DeadLetterStatus.Open))
                    {
                        document["status"] = status.ToString();
                        document["closedAt"] = Bson.Time(closedAt);
                        deadLetters.Update(document);
                    }
                }
            },
            cancellationToken);
    }
}
