using LiteDB;
using ServicesSync.Errors;
using ServicesSync.Persistence.LiteDb.Documents;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    // One small document per connection, found by its _id; no secondary index is needed.
    private const string ConnectionsCollection = "connections";

    public Task<ConnectionRecord?> GetConnectionAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(ConnectionsCollection).FindById(id) is { } document ? ToConnection(document) : null);

    public Task<IReadOnlyList<ConnectionRecord>> ListConnectionsAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<ConnectionRecord>>(() => Collection(ConnectionsCollection)
            .FindAll()
            .Select(ToConnection)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList());

    public Task<ConnectionRecord> AddConnectionAsync(ConnectionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var stored = record with { ETag = CommitValidation.NewETag() };
        return WriteAsync(
            () =>
            {
                try
                {
                    Collection(ConnectionsCollection).Insert(FromConnection(stored));
                }
                catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
                {
                    throw new ConflictException($"A connection with id '{record.Id}' already exists.", e);
                }

                return stored;
            },
            cancellationToken);
    }

    public Task<ConnectionRecord?> UpdateConnectionAsync(ConnectionRecord record, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync<ConnectionRecord?>(
            () =>
            {
                var connections = Collection(ConnectionsCollection);
                if (connections.FindById(record.Id) is not { } document)
                {
                    return null;
                }

                var current = ToConnection(document);
                if (expectedETag is not null && expectedETag != current.ETag)
                {
                    throw new ConflictException($"Connection '{record.Id}' was changed by someone else since it was loaded.");
                }

                var stored = record with { CreatedAt = current.CreatedAt, ETag = CommitValidation.NewETag() };
                connections.Update(FromConnection(stored));
                return stored;
            },
            cancellationToken);
    }

    public Task<bool> DeleteConnectionAsync(string id, CancellationToken cancellationToken)
        => WriteAsync(() => Collection(ConnectionsCollection).Delete(id), cancellationToken);

    private static BsonDocument FromConnection(ConnectionRecord record)
    {
        var document = new BsonDocument
        {
            ["_id"] = record.Id,
            ["type"] = record.Type,
            ["settings"] = record.SettingsJson,
            ["createdAt"] = Bson.Time(record.CreatedAt),
            ["updatedAt"] = Bson.Time(record.UpdatedAt),
            ["etag"] = record.ETag,
        };
        if (record.Secret is { } secret)
        {
            document["secret"] = new BsonDocument { ["keyId"] = secret.KeyId, ["ciphertext"] = secret.Ciphertext };
        }

        return document;
    }

    private static ConnectionRecord ToConnection(BsonDocument document)
    {
        var secret = document["secret"];
        return new ConnectionRecord(
            document["_id"].AsString,
            document["type"].AsString,
            document["settings"].AsString,
            secret.IsNull ? null : new StoredSecret(secret["keyId"].AsString, secret["ciphertext"].AsString),
            Bson.ToTime(document["createdAt"]),
            Bson.ToTime(document["updatedAt"]),
            document["etag"].AsString);
    }
}
