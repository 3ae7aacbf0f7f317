namespace ServicesSync.Activities;

/// <summary>
/// Base class for activities with a typed inputs class. The inputs class's
/// <see cref="InputAttribute"/> properties become the descriptor's inputs, and each execution
/// receives them bound from the node's literals and evaluated expressions.
/// </summary>
public abstract class Activity<TInputs> : IActivity
    where TInputs : class, new()
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ExecuteAsync(context.GetInputs<TInputs>(), context);
    }

    protected abstract ValueTask<ActivityResult> ExecuteAsync(TInputs inputs, ActivityContext context);
}
