using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServicesSync.Idempotency;

namespace ServicesSync.Testing.Activities;

/// <summary>An <see cref="IIdempotencyService"/> kept in memory, with counters for assertions.</summary>
public sealed class InMemoryIdempotencyService : IIdempotencyService
{
    private readonly ConcurrentDictionary<string, JsonNode?> records = new(StringComparer.Ordinal);
    private int lookups;

    public int LookupCount => Volatile.Read(ref lookups);

    public IReadOnlyDictionary<string, JsonNode?> Records => records;

    public Task<IdempotencyLookup> LookupAsync(string key, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref lookups);
        return Task.FromResult(records.TryGetValue(key, out var result)
            ? new IdempotencyLookup(true, result?.DeepClone())
            : IdempotencyLookup.Missing);
    }

    public Task RecordAsync(string key, JsonNode? result, CancellationToken cancellationToken)
    {
        // A copy, so later changes to the caller's node cannot rewrite history.
        records[key] = result?.DeepClone();
        return Task.CompletedTask;
    }
}
