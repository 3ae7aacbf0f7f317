namespace ServicesSync.Activities.Control;

/// <summary>
/// Runs the sub-graph behind <c>body</c> once per item; the engine does the iterating and
/// continues on <c>done</c> when every item has finished.
/// </summary>
[Activity(
    CoreActivityTypes.ForEach,
    Category = "Control",
    DisplayName = "For each",
    Description = "Runs the activities connected to 'body' once for every item, then continues on 'done'.",
    Outcomes = [ActivityOutcomes.Body, ActivityOutcomes.Done],
    Role = FlowRole.ForEach)]
internal sealed class ForEachActivity : Activity<ForEachInputs>
{
    internal const int MaxParallelism = 64;

    protected override ValueTask<ActivityResult> ExecuteAsync(ForEachInputs inputs, ActivityContext context)
    {
        var items = context.ItemsOrMessage(inputs.Items, "items");
        if (inputs.Parallelism is < 1 or > MaxParallelism)
        {
            throw context.InvalidInput("parallelism", $"must be between 1 and {MaxParallelism}; got {inputs.Parallelism}.");
        }

        return ValueTask.FromResult(ActivityResult.Iterate(items, inputs.Parallelism));
    }
}
