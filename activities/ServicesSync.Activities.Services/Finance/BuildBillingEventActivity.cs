using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>Turns a completed milestone or validated, priced time into one canonical billing event.</summary>
[Activity(
    ServicesActivityTypes.FinanceBuildBillingEvent,
    Category = "Finance",
    DisplayName = "Build billing event",
    Description = "Builds a canonical billing event from a completed milestone or from the valid output of finance.validateRateCard. Its source id is "
        + "derived from what it bills, so it is the idempotency key of the post; 'nothingToBill' when no line has an amount.",
    Outcomes = [FinanceOutcomes.Built, FinanceOutcomes.NothingToBill])]
internal sealed class BuildBillingEventActivity : Activity<BuildBillingEventInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(BuildBillingEventInputs inputs, ActivityContext context)
    {
        var where = $"Activity '{context.ActivityId}': input";
        var project = inputs.Project is null ? null : CanonicalJson.FromNode<Project>(inputs.Project, $"{where} 'project'");
        try
        {
            BillingEvent? built;
            if (inputs.Kind == BillingSource.Milestone)
            {
                var milestone = CanonicalJson.FromNode<Milestone>(inputs.Milestone ?? context.Input, inputs.Milestone is null ? $"Activity '{context.ActivityId}': the incoming message" : $"{where} 'milestone'");
                built = BillingEventBuilder.FromMilestone(milestone, project);
            }
            else
            {
                var validation = inputs.Validation ?? context.Input as JsonObject
                    ?? throw context.InvalidInput("validation", "is required for time: pass the output of finance.validateRateCard.");
                var required = project ?? throw context.InvalidInput("project", "is required to bill time.");
                // The canonical id when the project has one: every system's id is one lookup away from it.
                var reference = (required.Id is null ? null : ExternalRef.Canonical(required.Id)) ?? (required.Refs.Count > 0 ? required.Refs[0] : null)
                    ?? throw context.InvalidInput("project", "needs an id or a ref to name the project on the billing event.");
                built = BillingEventBuilder.FromValidatedTime(validation, required, reference);
            }

            return ValueTask.FromResult(built is null
                ? ActivityResult.Outcome(FinanceOutcomes.NothingToBill, context.Input?.DeepClone())
                : ActivityResult.Outcome(FinanceOutcomes.Built, CanonicalJson.ToNode(built)));
        }
        catch (ServicesSyncException ex) when (ex.Kind == ErrorKind.Validation && !ex.Message.StartsWith("Activity '", StringComparison.Ordinal))
        {
            throw context.Invalid(ex.Message, ex);
        }
    }
}
