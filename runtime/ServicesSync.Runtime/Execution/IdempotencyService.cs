using System.Text.Json.Nodes;
using ServicesSync.Idempotency;
using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>The idempotency service activities see, backed by the store.</summary>
internal sealed class IdempotencyService(IIdempotencyStore store, TimeProvider clock) : IIdempotencyService
{
    public async Task<IdempotencyLookup> LookupAsync(string key, CancellationToken cancellationToken)
    {
        var record = await store.GetIdempotencyRecordAsync(key, cancellationToken);
        return record is null
            ? IdempotencyLookup.Missing
            : new IdempotencyLookup(true, record.ResultJson is null ? null : JsonNode.Parse(record.ResultJson));
    }

    public Task RecordAsync(string key, JsonNode? result, CancellationToken cancellationToken)
        => store.PutIdempotencyRecordAsync(new IdempotencyRecord(key, result?.ToJsonString(), clock.GetUtcNow()), cancellationToken);
}
