using System.Text.Json.Nodes;
using ServicesSync.Activities;

namespace ServicesSync.Runtime.Tests.Execution.Fakes;

/// <summary>Suspends on a bookmark named by its input and continues with whatever it is resumed with.</summary>
[Activity("test.wait", Category = "Test")]
internal sealed class WaitActivity : Activity<WaitActivity.Inputs>, IResumableActivity
{
    protected override ValueTask<ActivityResult> ExecuteAsync(Inputs inputs, ActivityContext context)
        => ValueTask.FromResult(ActivityResult.Suspend(new Bookmark(inputs.Bookmark, inputs.CorrelationKey)));

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, BookmarkResumption resumption)
        => ValueTask.FromResult(ActivityResult.Done(new JsonObject
        {
            ["resumedWith"] = resumption.Input?.DeepClone(),
            ["bookmark"] = resumption.Bookmark.Name,
        }));

    internal sealed class Inputs
    {
        [Input]
        public string Bookmark { get; set; } = "approval";

        [Input]
        public string? CorrelationKey { get; set; }
    }
}
