using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.CrossReference;

/// <summary>
/// What <c>xref.lookup</c> and <c>xref.require</c> share: one exact lookup by (entity type,
/// system, id), then the target system's id through the canonical id. Nothing is ever matched
/// by name or similarity: an id that is not linked is missing.
/// </summary>
internal sealed record CrossReferenceQuery(string EntityType, string System, string Id, string? TargetSystem)
{
    public async Task<CrossReferenceAnswer> RunAsync(ICrossReferenceStore store, CancellationToken cancellationToken)
    {
        var link = await store.FindCrossReferenceAsync(EntityType, System, Id, cancellationToken);
        if (link is null)
        {
            return new CrossReferenceAnswer(this, null, [], null);
        }

        var links = await store.ListCrossReferencesAsync(EntityType, link.CanonicalId, cancellationToken);
        var target = TargetSystem is null ? null : links.FirstOrDefault(l => l.System == TargetSystem)?.ExternalId;
        return new CrossReferenceAnswer(this, link.CanonicalId, links, target);
    }

    public string Describe() => $"{EntityType} {System}:{Id}";
}

/// <summary>The result of a query: found when the canonical id (and the target id, if asked) is known.</summary>
internal sealed record CrossReferenceAnswer(CrossReferenceQuery Query, string? CanonicalId, IReadOnlyList<CrossReferenceRecord> Links, string? TargetId)
{
    public bool Found => CanonicalId is not null && (Query.TargetSystem is null || TargetId is not null);

    /// <summary>Why the answer is missing, in a sentence an operator can act on.</summary>
    public string MissingReason => CanonicalId is null
        ? $"No cross-reference for {Query.Describe()}: it is not linked to any canonical {Query.EntityType}."
        : $"No cross-reference for {Query.Describe()} in {Query.TargetSystem}: canonical {Query.EntityType} {CanonicalId} has no {Query.TargetSystem} id.";

    public JsonObject ToJson(JsonNode? message)
    {
        var json = new JsonObject
        {
            ["entityType"] = Query.EntityType,
            ["system"] = Query.System,
            ["id"] = Query.Id,
        };
        if (CanonicalId is not null)
        {
            json["canonicalId"] = CanonicalId;
        }

        if (Query.TargetSystem is not null)
        {
            json["targetSystem"] = Query.TargetSystem;
            if (TargetId is not null)
            {
                json["targetId"] = TargetId;
            }
        }

        var links = new JsonObject();
        foreach (var link in Links)
        {
            links[link.System] = link.ExternalId;
        }

        json["links"] = links;
        if (!Found)
        {
            json["reason"] = MissingReason;
        }

        if (message is not null)
        {
            json["message"] = message;
        }

        return json;
    }
}
