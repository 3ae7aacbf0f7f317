using LiteDB;
using ServicesSync.Errors;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task<IdempotencyRecord?> GetIdempotencyRecordAsync(string key, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.Idempotency).FindById(KeyDocuments.IdempotencyId(key)) is { } document
            ? KeyDocuments.ToIdempotency(document)
            : null);

    public Task PutIdempotencyRecordAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = KeyDocuments.FromIdempotency(record);
        return WriteAsync(() => Collection(Collections.Idempotency).Upsert(document), cancellationToken);
    }

    public Task<int> PruneIdempotencyRecordsAsync(DateTimeOffset recordedBefore, CancellationToken cancellationToken)
        => WriteAsync(() => Collection(Collections.Idempotency).DeleteMany(Filter.Where().Lt("recordedAt", recordedBefore.UtcTicks)), cancellationToken);

    public Task AddApiKeyAsync(ApiKeyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = KeyDocuments.FromApiKey(record);
        return WriteAsync(
            () =>
            {
                try
                {
                    Collection(Collections.ApiKeys).Insert(document);
                }
                catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
                {
                    throw new ConflictException($"An API key with id '{record.Id}' or the same secret already exists.", e);
                }
            },
            cancellationToken);
    }

    public Task<ApiKeyRecord?> FindApiKeyByHashAsync(string hash, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.ApiKeys).FindOne(Filter.Where().Eq("hash", hash)) is { } document
            ? KeyDocuments.ToApiKey(document)
            : null);

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<ApiKeyRecord>>(() => Collection(Collections.ApiKeys)
            .FindAll()
            .Select(KeyDocuments.ToApiKey)
            .OrderBy(k => k.CreatedAt)
            .ThenBy(k => k.Id, StringComparer.Ordinal)
            .ToList());

    public Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset revokedAt, CancellationToken cancellationToken)
        => WriteAsync(
            () =>
            {
                var apiKeys = Collection(Collections.ApiKeys);
                var document = apiKeys.FindById(id);
                if (document is null)
                {
                    return false;
                }

                if (document["revokedAt"].IsNull)
                {
                    document["revokedAt"] = Bson.Time(revokedAt);
                    apiKeys.Update(document);
                }

                return true;
            },
            cancellationToken);
}
