using ServicesSync.Errors;

namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly Dictionary<string, ApiKeyRecord> _apiKeys = new(StringComparer.Ordinal);

    public Task AddApiKeyAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            if (_apiKeys.ContainsKey(record.Id) || _apiKeys.Values.Any(k => k.Hash == record.Hash))
            {
                throw new ConflictException($"An API key with id '{record.Id}' or the same secret already exists.");
            }

            _apiKeys.Add(record.Id, record with { Scopes = [.. record.Scopes] });
        }

        return Task.CompletedTask;
    }

    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(string hash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_apiKeys.Values.FirstOrDefault(k => k.Hash == hash));
        }
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ApiKeyRecord> result = _apiKeys.Values
                .OrderBy(k => k.CreatedAt)
                .ThenBy(k => k.Id, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_apiKeys.TryGetValue(id, out var key))
            {
                return Task.FromResult(false);
            }

            if (key.RevokedAt is null)
            {
                _apiKeys[id] = key with { RevokedAt = revokedAt };
            }

            return Task.FromResult(true);
        }
    }
}
