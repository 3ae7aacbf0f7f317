using LiteDB;
using ServicesSync.Definitions;

namespace ServicesSync.Persistence.LiteDb.Documents;

/// <summary>
/// Drafts and published versions. The definition is kept as the JSON text of the published
/// schema, never as BSON, so the file holds exactly what an export would hold; name and
/// description are copied beside it so listings need not parse every definition.
/// </summary>
internal static class DefinitionDocuments
{
    public static BsonDocument FromDraft(WorkflowDefinition definition, string json, string etag, DateTimeOffset updatedAt)
    {
        var document = new BsonDocument
        {
            ["_id"] = definition.Id,
            ["name"] = definition.Name,
            ["definition"] = json,
            ["etag"] = etag,
            ["updatedAt"] = Bson.Time(updatedAt),
        };
        document.SetOptional("description", definition.Description);
        return document;
    }

    public static WorkflowDraft ToDraft(BsonDocument document)
        => new(
            DefinitionJson.DeserializeTrusted(document["definition"].AsString),
            document["etag"].AsString,
            Bson.ToTime(document["updatedAt"]));

    /// <summary>Unique per workflow and version; the version is the text after the last slash.</summary>
    public static string VersionId(string workflowId, int version) => $"{workflowId}/{version}";

    public static BsonDocument FromVersion(WorkflowDefinition definition, string json, DateTimeOffset publishedAt, string? publishedBy)
    {
        var document = new BsonDocument
        {
            ["_id"] = VersionId(definition.Id, definition.Version),
            ["workflowId"] = definition.Id,
            ["version"] = definition.Version,
            ["name"] = definition.Name,
            ["definition"] = json,
            ["publishedAt"] = Bson.Time(publishedAt),
            ["retired"] = false,
        };
        document.SetOptional("description", definition.Description);
        document.SetOptional("publishedBy", publishedBy);
        return document;
    }

    public static PublishedWorkflow ToPublished(BsonDocument document)
        => new(
            DefinitionJson.DeserializeTrusted(document["definition"].AsString),
            Bson.ToTime(document["publishedAt"]),
            Bson.ToNullableString(document["publishedBy"]))
        {
            Retired = document["retired"].AsBoolean,
        };
}
