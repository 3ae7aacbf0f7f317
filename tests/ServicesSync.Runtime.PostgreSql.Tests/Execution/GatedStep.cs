using ServicesSync.Activities;

namespace ServicesSync.Runtime.PostgreSql.Tests.Execution;

/// <summary>A step that holds its run until the test opens its gate: the run is created, its trigger done, nothing more.</summary>
[Activity(Type, Category = "Test")]
internal sealed class GatedStep(GatedStep.Gate gate) : IActivity
{
    public const string Type = "test.gated";

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
