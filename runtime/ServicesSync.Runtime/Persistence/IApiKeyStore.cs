namespace ServicesSync.Persistence;

/// <summary>API keys for the management API. Only a hash of each key is stored.</summary>
public interface IApiKeyStore
{
    /// <summary>Adds a key; a <see cref="Errors.ConflictException"/> when its id or hash is taken.</summary>
    Task AddApiKeyAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> FindApiKeyByHashAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key (a key already revoked keeps its first revocation time); false when no key has that id.</summary>
    Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}

/// <summary>
/// A stored API key: <see cref="Hash"/> is the SHA-256 of the secret (hex), <see cref="Prefix"/>
/// the first characters shown in listings so people can tell keys apart.
/// </summary>
public sealed record ApiKeyRecord(
    string Id,
    string Name,
    string Prefix,
    string Hash,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null);
