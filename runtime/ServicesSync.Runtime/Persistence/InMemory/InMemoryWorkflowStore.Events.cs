namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, OutboxEvent> _events = new(StringComparer.Ordinal);

    public Task AddEventAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        lock (_gate)
        {
            _events.TryAdd(outboxEvent.Id, outboxEvent);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxEvent>> ListPendingEventsAsync(int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxEvent> pending = _events.Values
                .Where(e => e.DispatchedAt is null)
                .OrderBy(e => e.CreatedAt)
                .ThenBy(e => e.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, max))
                .ToList();
            return Task.FromResult(pending);
        }
    }

    public Task MarkEventDispatchedAsync(string id, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_events.TryGetValue(id, out var existing) && existing.DispatchedAt is null)
            {
                _events[id] = existing with { DispatchedAt = dispatchedAt };
            }
        }

        return Task.CompletedTask;
    }

    public Task<int> PruneDispatchedEventsAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _events.Values.Where(e => e.DispatchedAt < dispatchedBefore).Select(e => e.Id).ToList();
            foreach (var id in old)
            {
                _events.Remove(id);
            }

            return Task.FromResult(old.Count);
        }
    }

    private void AddEvents(InstanceCommit commit)
    {
        foreach (var outboxEvent in commit.Events)
        {
            _events.TryAdd(outboxEvent.Id, outboxEvent);
        }
    }
}
