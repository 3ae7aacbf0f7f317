namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, IdempotencyRecord> _idempotency = new(StringComparer.Ordinal);

    public Task<IdempotencyRecord?> GetIdempotencyRecordAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_idempotency.GetValueOrDefault(key));
        }
    }

    public Task PutIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _idempotency[record.Key] = record;
        }

        return Task.CompletedTask;
    }

    public Task<int> PruneIdempotencyRecordsAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var stale = _idempotency.Values.Where(r => r.RecordedAt < recordedBefore).Select(r => r.Key).ToList();
            foreach (var key in stale)
            {
                _idempotency.Remove(key);
            }

            return Task.FromResult(stale.Count);
        }
    }
}
