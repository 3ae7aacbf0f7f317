using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Security;

/// <summary>Keys in a list, counting lookups so cache tests can see when the store is asked.</summary>
internal sealed class FakeApiKeyStore : IApiKeyStore
{
    private readonly List<ApiKeyRecord> keys = [];

    public int Lookups { get; private set; }

    public Task AddApiKeyAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        keys.Add(record);
        return Task.CompletedTask;
    }

    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(string hash, CancellationToken cancellationToken)
    {
        Lookups++;
        return Task.FromResult(keys.Find(k => k.Hash == hash));
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ApiKeyRecord>>([.. keys]);

    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var index = keys.FindIndex(k => k.Id == id);
        if (index < 0)
        {
            return Task.FromResult(false);
        }

        keys[index] = keys[index] with { RevokedAt = revokedAt };
        return Task.FromResult(true);
    }
}
