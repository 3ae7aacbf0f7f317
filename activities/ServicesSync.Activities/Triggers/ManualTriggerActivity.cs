namespace ServicesSync.Activities.Triggers;

/// <summary>Starts a run with the payload given to the start call (API, designer, CLI).</summary>
[Activity(
    CoreActivityTypes.Manual,
    Category = "Triggers",
    DisplayName = "Manual trigger",
    Description = "Starts the workflow on demand with the payload of the start request.",
    IsTrigger = true)]
internal sealed class ManualTriggerActivity : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
    }
}
