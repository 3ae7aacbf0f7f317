namespace ServicesSync.Connections;

/// <summary>
/// Connections as the API and the connectors use them. Secrets are encrypted before they reach
/// the store and decrypted only for <see cref="GetAsync"/>, which connectors call per execution.
/// </summary>
public interface IConnectionService
{
    /// <summary>A connection with its secrets; a Configuration error naming the id when it does not exist.</summary>
    Task<Connection> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>What may be shown about a connection: no secret values, only whether they are set.</summary>
    Task<ConnectionSummary?> FindSummaryAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds a connection; a Validation error listing every problem, a Conflict when the id is taken.</summary>
    Task<ConnectionSummary> CreateAsync(string id, ConnectionDefinition definition, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a connection; null when it does not exist. Secret fields left out of
    /// <paramref name="secrets"/> keep their stored value while the auth kind stays the same.
    /// </summary>
    Task<ConnectionSummary?> UpdateAsync(
        string id, ConnectionDefinition definition, IReadOnlyDictionary<string, string> secrets, string? expectedETag, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Re-encrypts every connection whose secrets use an older key with the current key; returns
    /// how many were rewritten. Run it after adding a new key, before removing the old one.
    /// </summary>
    Task<int> RotateAsync(CancellationToken cancellationToken);
}

/// <summary>A connection as the API shows it.</summary>
public sealed record ConnectionSummary(
    string Id,
    ConnectionDefinition Definition,
    bool HasSecret,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string ETag);
