using ServicesSync.Activities;

namespace ServicesSync.Runtime.PostgreSql.Tests.Execution;

/// <summary>A trigger that holds its run until the test opens its gate: the run is created and nothing more.</summary>
[Activity(Type, IsTrigger = true, Category = "Test")]
internal sealed class GatedTrigger(GatedTrigger.Gate gate) : IActivity
{
    public const string Type = "test.gatedTrigger";

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await gate.Opened.WaitAsync(context.CancellationToken);
        return ActivityResult.Done(context.Input);
    }

    internal sealed class Gate
    {
        private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Opened => opened.Task;

        public void Open() => opened.TrySetResult();
    }
}
