namespace ServicesSync.Persistence;

/// <summary>
/// Connections to outside systems. The store keeps what it is given: secrets arrive already
/// encrypted (<see cref="ConnectionRecord.Secret"/>) and the store never sees a key.
/// </summary>
public interface IConnectionStore
{
    Task<ConnectionRecord?> GetConnectionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Every connection, ordered by id.</summary>
    Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken);

    /// <summary>Adds a connection and returns it with its new ETag; a <see cref="Errors.ConflictException"/> when the id is taken.</summary>
    Task<ConnectionRecord> AddConnectionAsync(ConnectionRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a connection (its creation time is kept) and returns it with a new ETag; null when
    /// it does not exist; a <see cref="Errors.ConflictException"/> when <paramref name="expectedETag"/>
    /// is set and the stored one differs.
    /// </summary>
    Task<ConnectionRecord?> UpdateConnectionAsync(ConnectionRecord record, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>False when no connection has that id.</summary>
    Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken);
}

/// <summary>
/// A stored connection. <see cref="SettingsJson"/> holds everything that is not secret (base
/// URL, auth kind, user names, limits) as JSON text; the secret values are in <see cref="Secret"/>.
/// </summary>
public sealed record ConnectionRecord(
    string Id,
    string Type,
    string SettingsJson,
    StoredSecret? Secret,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string ETag = "");

/// <summary>Encrypted secret values and the id of the key that encrypted them (so keys can rotate).</summary>
public sealed record StoredSecret(string KeyId, string Ciphertext);
