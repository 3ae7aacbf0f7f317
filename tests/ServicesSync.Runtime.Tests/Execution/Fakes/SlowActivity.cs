using ServicesSync.Activities;

namespace ServicesSync.Runtime.Tests.Execution.Fakes;

/// <summary>Waits until cancelled (for timeout and cancellation tests).</summary>
[Activity("test.hang", Category = "Test")]
internal sealed class HangActivity : IActivity
{
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return ActivityResult.Done();
    }
}

/// <summary>Returns an output of the requested size in characters.</summary>
[Activity("test.big", Category = "Test")]
internal sealed class BigOutputActivity : Activity<BigOutputActivity.Inputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(Inputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(System.Text.Json.Nodes.JsonValue.Create(new string('x', inputs.Size))));

    internal sealed class Inputs
    {
        [Input]
        public int Size { get; set; }
    }
}
