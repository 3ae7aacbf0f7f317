namespace ServicesSync.Activities.Control;

/// <summary>Routes the message to <c>true</c> or <c>false</c> by a condition, usually an expression.</summary>
[Activity(
    CoreActivityTypes.Branch,
    Category = "Control",
    DisplayName = "Branch",
    Description = "Passes the message on to the 'true' or the 'false' outcome depending on a condition.",
    Outcomes = [ActivityOutcomes.True, ActivityOutcomes.False])]
internal sealed class BranchActivity : Activity<BranchInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(BranchInputs inputs, ActivityContext context)
    {
        var outcome = context.Require(inputs.Condition, "condition") ? ActivityOutcomes.True : ActivityOutcomes.False;
        return ValueTask.FromResult(ActivityResult.Outcome(outcome, context.PassThrough()));
    }
}
