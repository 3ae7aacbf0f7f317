using ServicesSync.Activities;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>Does nothing but pass the message on: what is left to measure is the engine.</summary>
[Activity("bench.noop", Category = "Benchmark")]
internal sealed class NoopActivity : IActivity
{
    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Done(context.Input));
}
