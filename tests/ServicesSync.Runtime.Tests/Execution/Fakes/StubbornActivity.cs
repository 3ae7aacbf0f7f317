using ServicesSync.Activities;

namespace ServicesSync.Runtime.Tests.Execution.Fakes;

/// <summary>Ignores its cancellation token and takes a minute (a blocking SDK call, a busy script).</summary>
[Activity("test.stubborn", Category = "Test")]
internal sealed class StubbornActivity : IActivity
{
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        await Task.Delay(TimeSpan.FromMinutes(1), CancellationToken.None);
        return ActivityResult.Done();
    }
}
