using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task AddEventAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        var document = EventDocuments.From(outboxEvent);
        return WriteAsync(
            () =>
            {
                var events = Collection(Collections.Events);
                if (events.FindById(outboxEvent.Id) is null)
                {
                    events.Insert(document);
                }

                return 0;
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEvent>> ListPendingEventsAsync(int max, CancellationToken cancellationToken)
        => max <= 0
            ? Task.FromResult<IReadOnlyList<OutboxEvent>>([])
            : ReadAsync<IReadOnlyList<OutboxEvent>>(() => Collection(Collections.Events)
                .Query()
                .Where(Filter.Where().Eq("dispatchedAt", 0L))
                .OrderBy("createdAt")
                .Limit(max)
                .ToEnumerable()
                .Select(EventDocuments.To)
                .ToList());

    public Task MarkEventDispatchedAsync(string id, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
        => WriteAsync(
            () =>
            {
                var events = Collection(Collections.Events);
                if (events.FindById(id) is { } document && document["dispatchedAt"].AsInt64 == 0)
                {
                    document["dispatchedAt"] = dispatchedAt.UtcTicks;
                    events.Update(document);
                }

                return 0;
            },
            cancellationToken);

    public Task<int> PruneDispatchedEventsAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken)
        => WriteAsync(
            () => Collection(Collections.Events).DeleteMany(Filter.Where().Gte("dispatchedAt", 1L).Lt("dispatchedAt", dispatchedBefore.UtcTicks)),
            cancellationToken);
}
