using LiteDB;
using ServicesSync.Definitions;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task<WorkflowDraft?> GetDraftAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.Drafts).FindById(id) is { } document ? DefinitionDocuments.ToDraft(document) : null);

    public Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<WorkflowSummary>>(() =>
        {
            var drafts = Collection(Collections.Drafts).FindAll().ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
            var latest = NewestVersions(Collection(Collections.Versions).Find(Filter.Where().Eq("retired", false)));
            return drafts.Keys.Union(latest.Keys)
                .Order(StringComparer.Ordinal)
                .Select(id =>
                {
                    var draft = drafts.GetValueOrDefault(id);
                    var version = latest.GetValueOrDefault(id);
                    var named = draft ?? version!;
                    return new WorkflowSummary(
                        id,
                        named["name"].AsString,
                        Bson.ToNullableString(named["description"]),
                        draft is null ? null : Bson.ToTime(draft["updatedAt"]),
                        draft?["etag"].AsString,
                        version?["version"].AsInt32,
                        version is null ? null : Bson.ToTime(version["publishedAt"]));
                })
                .ToList();
        });

    public Task<WorkflowDraft> SaveDraftAsync(WorkflowDefinition definition, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = DefinitionJson.Serialize(definition with { Version = 0 });
        return WriteAsync(
            () =>
            {
                var drafts = Collection(Collections.Drafts);
                var current = drafts.FindById(definition.Id);
                CommitValidation.EnsureETagMatches(definition.Id, current?["etag"].AsString, expectedETag);
                var document = DefinitionDocuments.FromDraft(definition, json, CommitValidation.NewETag(), _timeProvider.GetUtcNow());
                drafts.Upsert(document);
                return DefinitionDocuments.ToDraft(document);
            },
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, string? expectedETag, CancellationToken cancellationToken)
        => WriteAsync(
            () =>
            {
                var drafts = Collection(Collections.Drafts);
                var versions = Collection(Collections.Versions);
                var draft = drafts.FindById(id);
                var active = versions.Find(Filter.Where().Eq("workflowId", id)).Where(v => !v["retired"].AsBoolean).ToList();
                if (draft is null && active.Count == 0)
                {
                    return false;
                }

                if (expectedETag is not null)
                {
                    CommitValidation.EnsureETagMatches(id, draft?["etag"].AsString, expectedETag);
                }

                drafts.Delete(id);
                foreach (var version in active)
                {
                    version["retired"] = true;
                }

                versions.Update(active);
                return true;
            },
            cancellationToken);

    public Task<PublishedWorkflow> PublishAsync(WorkflowDefinition definition, string? publishedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return WriteAsync(
            () =>
            {
                var versions = Collection(Collections.Versions);
                var highest = versions.Find(Filter.Where().Eq("workflowId", definition.Id)).Select(v => v["version"].AsInt32).DefaultIfEmpty(0).Max();
                var published = definition with { Version = highest + 1 };
                var document = DefinitionDocuments.FromVersion(published, DefinitionJson.Serialize(published), _timeProvider.GetUtcNow(), publishedBy);
                versions.Insert(document);
                return DefinitionDocuments.ToPublished(document);
            },
            cancellationToken);
    }

    public Task<PublishedWorkflow?> GetPublishedAsync(string id, int? version, CancellationToken cancellationToken)
        => ReadAsync(() =>
        {
            var versions = Collection(Collections.Versions);
            var document = version is { } number
                ? versions.FindById(DefinitionDocuments.VersionId(id, number))
                : versions.Find(Filter.Where().Eq("workflowId", id)).MaxBy(v => v["version"].AsInt32);
            return document is null || (version is null && document["retired"].AsBoolean)
                ? null
                : DefinitionDocuments.ToPublished(document);
        });

    public Task<IReadOnlyList<PublishedWorkflow>> ListVersionsAsync(string id, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<PublishedWorkflow>>(() => Collection(Collections.Versions)
            .Find(Filter.Where().Eq("workflowId", id))
            .OrderByDescending(v => v["version"].AsInt32)
            .Select(DefinitionDocuments.ToPublished)
            .ToList());

    public Task<IReadOnlyList<PublishedWorkflow>> ListActiveAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<PublishedWorkflow>>(() => NewestVersions(Collection(Collections.Versions).Find(Filter.Where().Eq("retired", false)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => DefinitionDocuments.ToPublished(p.Value))
            .ToList());

    private static Dictionary<string, BsonDocument> NewestVersions(IEnumerable<BsonDocument> versions)
    {
        var newest = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        foreach (var version in versions)
        {
            var id = version["workflowId"].AsString;
            if (!newest.TryGetValue(id, out var current) || current["version"].AsInt32 < version["version"].AsInt32)
            {
                newest[id] = version;
            }
        }

        return newest;
    }


}
