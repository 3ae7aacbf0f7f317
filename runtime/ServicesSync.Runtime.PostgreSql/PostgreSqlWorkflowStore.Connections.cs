using System.Data.Common;
using Npgsql;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string ConnectionColumns = "id, type, settings, secret_key_id, secret_ciphertext, created_at, updated_at, etag";

    public Task<ConnectionRecord?> GetConnectionAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command($"select {ConnectionColumns} from connections where id = $1", null, id);
                return await command.SingleOrDefaultAsync(ReadConnection, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<ConnectionRecord>>(
            async connection =>
            {
                await using var command = connection.Command($"select {ConnectionColumns} from connections order by id collate \"C\"", null);
                return await command.ListAsync(ReadConnection, cancellationToken);
            },
            cancellationToken);

    public async Task<ConnectionRecord> AddConnectionAsync(ConnectionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = record with { ETag = CommitValidation.NewETag() };
        try
        {
            await WriteAsync(
                async (connection, transaction) =>
                {
                    await using var command = connection.Command(
                        $"insert into connections ({ConnectionColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8)", transaction, ConnectionValues(stored));
                    await command.ExecuteNonQueryAsync(cancellationToken);
                },
                cancellationToken);
        }
        catch (ConflictException e) when (e.InnerException is PostgresException)
        {
            throw new ConflictException($"A connection with id '{record.Id}' already exists.", e.InnerException);
        }

        return stored;
    }

    public Task<ConnectionRecord?> UpdateConnectionAsync(ConnectionRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync<ConnectionRecord?>(
            async (connection, transaction) =>
            {
                await using var current = connection.Command("select created_at, etag from connections where id = $1 for update", transaction, record.Id);
                var found = await current.SingleOrDefaultAsync(r => Tuple.Create(r.Time(0), r.GetString(1)), cancellationToken);
                if (found is null)
                {
                    return null;
                }

                if (expectedETag is not null && expectedETag != found.Item2)
                {
                    throw new ConflictException($"Connection '{record.Id}' was changed by someone else since it was loaded.");
                }

                var stored = record with { CreatedAt = found.Item1, ETag = CommitValidation.NewETag() };
                await using var update = connection.Command(
                    """
                    update connections set type = $2, settings = $3, secret_key_id = $4, secret_ciphertext = $5,
                        created_at = $6, updated_at = $7, etag = $8
                    where id = $1
                    """,
                    transaction,
                    ConnectionValues(stored));
                await update.ExecuteNonQueryAsync(cancellationToken);
                return stored;
            },
            cancellationToken);
    }

    public Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command("delete from connections where id = $1", transaction, id);
                return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);

    private static object?[] ConnectionValues(ConnectionRecord c)
        => [c.Id, c.Type, c.SettingsJson, c.Secret?.KeyId, c.Secret?.Ciphertext, c.CreatedAt.UtcTicks, c.UpdatedAt.UtcTicks, c.ETag];

    private static ConnectionRecord ReadConnection(DbDataReader r)
        => new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.IsDBNull(3) ? null : new StoredSecret(r.GetString(3), r.GetString(4)),
            r.Time(5),
            r.Time(6),
            r.GetString(7));
}
