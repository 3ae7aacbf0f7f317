using ServicesSync.Persistence;

namespace ServicesSync.Activities.Services.CrossReference;

/// <summary>
/// Like <c>xref.lookup</c>, but a missing mapping parks the message in the dead-letter list with
/// the reason, so the run can be replayed once someone links the id.
/// </summary>
[Activity(
    ServicesActivityTypes.XrefRequire,
    Category = "Transform",
    DisplayName = "Require cross-reference",
    Description = "Finds the canonical id (and optionally the target system's id) of an external id; when it is not linked, the message goes to the "
        + "dead-letter list with the reason, for a human to link and replay.",
    Outcomes = [XrefOutcomes.Found])]
internal sealed class XrefRequireActivity(ICrossReferenceStore store) : Activity<XrefRequireInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(XrefRequireInputs inputs, ActivityContext context)
    {
        var query = new CrossReferenceQuery(
            context.Require(inputs.EntityType, "entityType"),
            context.Require(inputs.System, "system"),
            context.Require(inputs.Id, "id"),
            string.IsNullOrWhiteSpace(inputs.TargetSystem) ? null : inputs.TargetSystem);
        var answer = await query.RunAsync(store, context.CancellationToken);
        if (answer.Found)
        {
            return ActivityResult.Outcome(XrefOutcomes.Found, answer.ToJson(context.Input?.DeepClone()));
        }

        var reason = string.IsNullOrWhiteSpace(inputs.Reason) ? answer.MissingReason : $"{inputs.Reason} ({answer.MissingReason})";
        return ActivityResult.DeadLetter(reason, context.Input?.DeepClone());
    }
}
