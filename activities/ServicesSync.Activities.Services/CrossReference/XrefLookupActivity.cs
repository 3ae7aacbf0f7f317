using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.CrossReference;

/// <summary>
/// Looks an external id up in the cross-reference table. <c>missing</c> is the suspense path:
/// nothing is ever guessed from names, so an unmapped worker or project waits for a human link.
/// </summary>
[Activity(
    ServicesActivityTypes.XrefLookup,
    Category = "Transform",
    DisplayName = "Cross-reference lookup",
    Description = "Finds the canonical id (and optionally the id in a target system) of an external id. Outputs { canonicalId, targetId, links, message }; "
        + "an id that is not linked goes to 'missing', never to a fuzzy match.",
    Outcomes = [XrefOutcomes.Found, XrefOutcomes.Missing])]
internal sealed class XrefLookupActivity(ICrossReferenceStore store) : Activity<XrefLookupInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(XrefLookupInputs inputs, ActivityContext context)
    {
        var query = new CrossReferenceQuery(
            context.Require(inputs.EntityType, "entityType"),
            context.Require(inputs.System, "system"),
            context.Require(inputs.Id, "id"),
            string.IsNullOrWhiteSpace(inputs.TargetSystem) ? null : inputs.TargetSystem);
        var answer = await query.RunAsync(store, context.CancellationToken);
        return ActivityResult.Outcome(answer.Found ? XrefOutcomes.Found : XrefOutcomes.Missing, answer.ToJson(context.Input?.DeepClone()));
    }
}
