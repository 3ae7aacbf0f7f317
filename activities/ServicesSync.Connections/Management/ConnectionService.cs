using System.Text.Json;
using ServicesSync.Connections.Secrets;
using ServicesSync.Errors;
using ServicesSync.Json;
using ServicesSync.Persistence;

namespace ServicesSync.Connections.Management;

internal sealed class ConnectionService(IConnectionStore store, SecretProtector protector, TimeProvider clock) : IConnectionService
{
    private const int RotationAttempts = 5;

    public async Task<Connection> GetAsync(string id, CancellationToken cancellationToken)
    {
        var record = await store.GetConnectionAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new ServicesSyncException(
                $"Connection '{id}' does not exist; create it with POST /api/v1/connections.", ErrorKind.Configuration);
        var secrets = record.Secret is null ? ConnectionSecrets.Empty : new ConnectionSecrets(protector.Unprotect(id, record.Secret));
        return new Connection(record.Id, ReadDefinition(record), secrets, record.ETag);
    }

    public async Task<ConnectionSummary?> FindSummaryAsync(string id, CancellationToken cancellationToken)
        => await store.GetConnectionAsync(id, cancellationToken).ConfigureAwait(false) is { } record ? ToInfo(record) : null;

    public async Task<IReadOnlyList<ConnectionSummary>> ListAsync(CancellationToken cancellationToken)
        => (await store.ListConnectionsAsync(cancellationToken).ConfigureAwait(false)).Select(ToInfo).ToList();

    public async Task<ConnectionSummary> CreateAsync(
        string id, ConnectionDefinition definition, IReadOnlyDictionary<string, string> secrets, CancellationToken cancellationToken)
    {
        EnsureValid(id, definition, secrets);
        var now = clock.GetUtcNow();
        var record = new ConnectionRecord(id, definition.Type, WriteDefinition(definition), Protect(id, secrets), now, now);
        return ToInfo(await store.AddConnectionAsync(record, cancellationToken).ConfigureAwait(false));
    }

    public async Task<ConnectionSummary?> UpdateAsync(
        string id, ConnectionDefinition definition, IReadOnlyDictionary<string, string> secrets, string? expectedETag, CancellationToken cancellationToken)
    {
        var current = await store.GetConnectionAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        if (current.Secret is not null && ReadDefinition(current).Auth.Kind == definition.Auth.Kind)
        {
            foreach (var (name, value) in protector.Unprotect(id, current.Secret))
            {
                merged[name] = value;
            }
        }

        foreach (var (name, value) in secrets)
        {
            merged[name] = value;
        }

        EnsureValid(id, definition, merged);
        var record = current with
        {
            Type = definition.Type,
            SettingsJson = WriteDefinition(definition),
            Secret = Protect(id, merged),
            UpdatedAt = clock.GetUtcNow(),
        };
        var stored = await store.UpdateConnectionAsync(record, expectedETag ?? current.ETag, cancellationToken).ConfigureAwait(false);
        return stored is null ? null : ToInfo(stored);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => store.DeleteConnectionAsync(id, cancellationToken);

    public async Task<int> RotateAsync(CancellationToken cancellationToken)
    {
        var rewritten = 0;
        foreach (var listed in await store.ListConnectionsAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var attempt = 1; ; attempt++)
            {
                var record = await store.GetConnectionAsync(listed.Id, cancellationToken).ConfigureAwait(false);
                if (record?.Secret is null || record.Secret.KeyId == protector.CurrentKeyId)
                {
                    break;
                }

                var values = protector.Unprotect(record.Id, record.Secret);
                try
                {
                    // Conditional on the ETag: a concurrent edit is never overwritten with older values.
                    await store.UpdateConnectionAsync(record with { Secret = protector.Protect(record.Id, values) }, record.ETag, cancellationToken)
                        .ConfigureAwait(false);
                    rewritten++;
                    break;
                }
                catch (ConflictException) when (attempt < RotationAttempts)
                {
                }
            }
        }

        return rewritten;
    }

    private StoredSecret? Protect(string id, IReadOnlyDictionary<string, string> secrets)
        => secrets.Count == 0 ? null : protector.Protect(id, secrets);

    private static void EnsureValid(string id, ConnectionDefinition definition, IReadOnlyDictionary<string, string> secrets)
    {
        var problems = ConnectionValidator.Validate(id, definition, secrets);
        if (problems.Count > 0)
        {
            throw new ServicesSyncException($"Connection '{id}' is not valid: {string.Join(" ", problems)}", ErrorKind.Validation);
        }
    }

    private static ConnectionSummary ToInfo(ConnectionRecord record)
        => new(record.Id, ReadDefinition(record), record.Secret is not null, record.CreatedAt, record.UpdatedAt, record.ETag);

    internal static string WriteDefinition(ConnectionDefinition definition) => JsonSerializer.Serialize(definition, ActivityJson.Options);

    private static ConnectionDefinition ReadDefinition(ConnectionRecord record)
    {
        try
        {
            return JsonSerializer.Deserialize<ConnectionDefinition>(record.SettingsJson, ActivityJson.Options)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new ServicesSyncException($"Connection '{record.Id}' is stored in a form this version cannot read: {ex.Message}", ErrorKind.Configuration);
        }
    }
}
