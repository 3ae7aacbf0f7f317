namespace ServicesSync.Activities.Control;

/// <summary>
/// Merges parallel branches. The engine waits per <see cref="JoinInputs.Mode"/> and hands in an
/// object keyed by the ids of the activities whose messages arrived; that object goes on.
/// </summary>
[Activity(
    CoreActivityTypes.Join,
    Category = "Control",
    DisplayName = "Join",
    Description = "Waits for incoming branches (all of them, or the first one) and continues with their messages keyed by activity id.",
    Role = FlowRole.Join)]
internal sealed class JoinActivity : Activity<JoinInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(JoinInputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(context.PassThrough()));
}
