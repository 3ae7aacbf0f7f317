using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    // A b-tree entry holds about 2.7 kB; longer idempotency keys are indexed by their hash and
    // the key itself is kept beside it (the "sha256:" prefix cannot clash: short keys are used as they are).
    private const int MaxPlainKeyLength = 200;

    private const string ApiKeyColumns = "id, name, prefix, hash, scopes, created_at, revoked_at";

    public Task<IdempotencyRecord?> GetIdempotencyRecordAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("select key, result, recorded_at from idempotency where id = $1", null, IdempotencyId(key));
                return await command.SingleOrDefaultAsync(r => new IdempotencyRecord(r.GetString(0), r.NullableString(1), r.Time(2)), cancellationToken);
            },
            cancellationToken);
    }

    public Task PutIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    """
                    insert into idempotency (id, key, result, recorded_at) values ($1, $2, $3, $4)
                    on conflict (id) do update set key = excluded.key, result = excluded.result, recorded_at = excluded.recorded_at
                    """,
                    transaction,
                    IdempotencyId(record.Key),
                    record.Key,
                    record.ResultJson,
                    record.RecordedAt.UtcTicks);
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<int> PruneIdempotencyRecordsAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
        => DeleteInSlicesAsync("idempotency", "recorded_at < $1", "recorded_at", recordedBefore, cancellationToken);

    public async Task AddApiKeyAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await WriteAsync(
                async (connection, transaction) =>
                {
                    await using var command = connection.Command(
                        $"insert into api_keys ({ApiKeyColumns}) values ($1, $2, $3, $4, $5, $6, $7)",
                        transaction,
                        record.Id,
                        record.Name,
                        record.Prefix,
                        record.Hash,
                        record.Scopes.ToArray(),
                        record.CreatedAt.UtcTicks,
                        Rows.Ticks(record.RevokedAt));
                    await command.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
        }
        catch (ConflictException e) when (e.InnerException is PostgresException)
        {
            throw new ConflictException($"An API key with id '{record.Id}' or the same secret already exists.", e.InnerException);
        }
    }

    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(string hash, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command($"select {ApiKeyColumns} from api_keys where hash = $1", null, hash);
                return await command.SingleOrDefaultAsync(ReadApiKey, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<ApiKeyRecord>>(
            async connection =>
            {
                await using var command = connection.Command($"select {ApiKeyColumns} from api_keys order by created_at, id collate \"C\"", null);
                return await command.ListAsync(ReadApiKey, cancellationToken);
            },
            cancellationToken);

    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                // A key already revoked keeps its first revocation time.
                await using var command = connection.Command(
                    "update api_keys set revoked_at = coalesce(revoked_at, $2) where id = $1", transaction, id, revokedAt.UtcTicks);
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);

    private static string IdempotencyId(string key)
        => key.Length <= MaxPlainKeyLength ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static ApiKeyRecord ReadApiKey(DbDataReader r)
        => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<string[]>(4), r.Time(5), r.NullableTime(6));
}
