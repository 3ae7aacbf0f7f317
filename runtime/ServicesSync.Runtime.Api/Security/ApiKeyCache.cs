using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Security;

/// <summary>
/// Remembers valid keys briefly so authentication is not a store read per request. Only valid
/// keys are cached: a key created a moment ago works at once, and unknown keys cannot fill the
/// cache. Revocation takes effect when the entry expires (<see cref="ServicesSyncApiOptions.ApiKeyCacheDuration"/>).
/// </summary>
internal sealed class ApiKeyCache(TimeProvider timeProvider, IOptions<ServicesSyncApiOptions> options)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    public async ValueTask<ApiKeyRecord?> FindAsync(string presentedKey, IApiKeyStore store, CancellationToken cancellationToken)
    {
        var hash = ApiKeys.Hash(presentedKey);
        var now = timeProvider.GetUtcNow();
        if (entries.TryGetValue(hash, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Record;
        }

        var record = await store.FindApiKeyByHashAsync(hash, cancellationToken);
        if (record is null || record.RevokedAt is not null)
        {
            entries.TryRemove(hash, out _);
            return null;
        }

        var duration = options.Value.ApiKeyCacheDuration;
        if (duration > TimeSpan.Zero)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            entries[hash] = new Entry(record, now + duration);
        }

        return record;
    }

    private sealed record Entry(ApiKeyRecord Record, DateTimeOffset ExpiresAt);
}
