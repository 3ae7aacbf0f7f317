using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task<CrossReferenceRecord?> FindCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.CrossReferences).FindById(CrossReferenceDocuments.ExternalKey(entityType, system, externalId)) is { } document
            ? CrossReferenceDocuments.To(document)
            : null);

    public Task<IReadOnlyList<CrossReferenceRecord>> ListCrossReferencesAsync(string entityType, string canonicalId, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<CrossReferenceRecord>>(() => Collection(Collections.CrossReferences)
            .Find(Filter.Where().Eq("entityType", entityType).Eq("canonicalId", canonicalId))
            .Select(CrossReferenceDocuments.To)
            .OrderBy(r => r.System, StringComparer.Ordinal)
            .ToList());

    public Task<CrossReferenceLinkResult> LinkCrossReferenceAsync(CrossReferenceRecord record, CancellationToken cancellationToken)
    {
        CrossReferenceValidation.Validate(record);
        var document = CrossReferenceDocuments.From(record);
        return WriteAsync(
            () =>
            {
                var links = Collection(Collections.CrossReferences);
                if (links.FindById(document["_id"]) is { } existing)
                {
                    var stored = CrossReferenceDocuments.To(existing);
                    var status = stored.CanonicalId == record.CanonicalId ? CrossReferenceLinkStatus.Unchanged : CrossReferenceLinkStatus.Conflict;
                    return new CrossReferenceLinkResult(status, stored);
                }

                if (links.FindOne(Filter.Where().Eq("canonicalKey", document["canonicalKey"])) is { } other)
                {
                    return new CrossReferenceLinkResult(CrossReferenceLinkStatus.Conflict, CrossReferenceDocuments.To(other));
                }

                links.Insert(document);
                return new CrossReferenceLinkResult(CrossReferenceLinkStatus.Created, record);
            },
            cancellationToken);
    }

    public Task<bool> UnlinkCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken)
        => WriteAsync(() => Collection(Collections.CrossReferences).Delete(CrossReferenceDocuments.ExternalKey(entityType, system, externalId)), cancellationToken);
}
