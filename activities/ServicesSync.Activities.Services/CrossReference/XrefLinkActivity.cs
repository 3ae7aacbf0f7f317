using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.CrossReference;

/// <summary>
/// Records that a canonical entity has an id in a system (typically right after creating it
/// there). Linking the same pair again changes nothing, so retries and replays are safe; a link
/// that contradicts a stored one goes to <c>conflict</c> and changes nothing.
/// </summary>
[Activity(
    ServicesActivityTypes.XrefLink,
    Category = "Transform",
    DisplayName = "Cross-reference link",
    Description = "Links an external id to a canonical id (a new canonical id when none is given and none exists). Idempotent; a contradicting "
        + "link goes to 'conflict' with the stored one.",
    Outcomes = [XrefOutcomes.Linked, XrefOutcomes.Conflict])]
internal sealed class XrefLinkActivity(ICrossReferenceStore store) : Activity<XrefLinkInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(XrefLinkInputs inputs, ActivityContext context)
    {
        var entityType = context.Require(inputs.EntityType, "entityType");
        var system = context.Require(inputs.System, "system");
        var id = context.Require(inputs.Id, "id");
        var canonicalId = string.IsNullOrWhiteSpace(inputs.CanonicalId)
            ? (await store.FindCrossReferenceAsync(entityType, system, id, context.CancellationToken))?.CanonicalId
              ?? NewCanonicalId(entityType, context.Clock)
            : inputs.CanonicalId;

        var now = context.Clock.GetUtcNow();
        var result = await store.LinkCrossReferenceAsync(new CrossReferenceRecord(entityType, canonicalId, system, id, now), context.CancellationToken);
        var output = new JsonObject
        {
            ["entityType"] = entityType,
            ["canonicalId"] = result.Status == CrossReferenceLinkStatus.Conflict ? canonicalId : result.Record.CanonicalId,
            ["system"] = system,
            ["id"] = id,
            ["status"] = result.Status.ToString().ToLowerInvariant(),
        };
        if (result.Status == CrossReferenceLinkStatus.Conflict)
        {
            output["existing"] = new JsonObject
            {
                ["canonicalId"] = result.Record.CanonicalId,
                ["system"] = result.Record.System,
                ["id"] = result.Record.ExternalId,
            };
            output["reason"] = result.Record.ExternalId == id
                ? $"{system}:{id} is already linked to {entityType} {result.Record.CanonicalId}."
                : $"{entityType} {canonicalId} is already linked to {system}:{result.Record.ExternalId}.";
        }

        if (context.Input is not null)
        {
            output["message"] = context.Input.DeepClone();
        }

        return ActivityResult.Outcome(result.Status == CrossReferenceLinkStatus.Conflict ? XrefOutcomes.Conflict : XrefOutcomes.Linked, output);
    }

    // Time-ordered, so ids sort by creation; a crash before the journal entry reuses the stored link.
    private static string NewCanonicalId(string entityType, TimeProvider clock)
        => $"{entityType}-{Guid.CreateVersion7(clock.GetUtcNow()):N}";
}
