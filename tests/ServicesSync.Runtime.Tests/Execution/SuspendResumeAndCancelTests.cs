using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class SuspendResumeAndCancelTests
{
    private static FlowBuilder ApprovalFlow() => FlowBuilder.Create()
        .Add("approval", "test.wait", new JsonObject { ["bookmark"] = "manager.approval", ["correlationKey"] = "worker-7" })
        .Add("after", "core.set", new JsonObject { ["template"] = new JsonObject { ["approved"] = "{{input.resumedWith.ok}}" } })
        .Chain("start", "approval", "after");

    [Fact]
    public async Task Run_Bookmark_SuspendsTheRunUntilResumed()
    {
        await using var harness = new EngineHarness();

        var suspended = await harness.RunAsync(ApprovalFlow().Build());

        Assert.Equal(InstanceStatus.Suspended, suspended.Status);
        var bookmark = Assert.Single(await harness.Store.FindBookmarksAsync("manager.approval", "worker-7", CancellationToken.None));
        Assert.Equal(suspended.Id, bookmark.InstanceId);

        await harness.Runtime.ResumeAsync(suspended.Id, bookmark.Id, new JsonObject { ["ok"] = true }, CancellationToken.None);
        var run = await harness.WaitAsync(suspended.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"approved":true}""", run.OutputJson);
        Assert.Empty(await harness.Store.GetBookmarksAsync(run.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Resume_ByANewRuntimeOnTheSameStore_ContinuesTheRun()
    {
        await using var first = new EngineHarness();
        var suspended = await first.RunAsync(ApprovalFlow().Build());
        await first.StopAsync(TimeSpan.FromSeconds(5));
        var bookmark = Assert.Single(await first.Store.GetBookmarksAsync(suspended.Id, CancellationToken.None));

        await using var second = new EngineHarness(first.Store);
        await second.Runtime.ResumeAsync(suspended.Id, bookmark.Id, new JsonObject { ["ok"] = false }, CancellationToken.None);
        var run = await second.WaitAsync(suspended.Id);

        Assert.Equal("""{"approved":false}""", run.OutputJson);
    }

    [Fact]
    public async Task Resume_UnknownBookmark_IsNotFound()
    {
        await using var harness = new EngineHarness();
        var suspended = await harness.RunAsync(ApprovalFlow().Build());

        await Assert.ThrowsAsync<NotFoundException>(() => harness.Runtime.ResumeAsync(suspended.Id, "nope", null, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_ASuspendedRun_EndsItAndRemovesItsBookmarks()
    {
        await using var harness = new EngineHarness();
        var suspended = await harness.RunAsync(ApprovalFlow().Build());

        var cancelled = await harness.Runtime.CancelAsync(suspended.Id, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, cancelled.Status);
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Empty(await harness.Store.GetBookmarksAsync(suspended.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_ARunningRun_StopsItsActivityAndClosesItsIncidents()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(FlowBuilder.Create()
            .Add("stuck", "test.hang")
            .Add("never", "core.log", new JsonObject { ["message"] = "never" })
            .Chain("start", "stuck", "never")
            .Build());
        var started = await harness.StartAsync("wf");

        var cancelled = await harness.Runtime.CancelAsync(started.Id, CancellationToken.None);

        Assert.Equal(InstanceStatus.Cancelled, cancelled.Status);
        var journal = await harness.JournalAsync(started.Id);
        Assert.DoesNotContain(journal, e => e.ActivityId == "never");
    }

    [Fact]
    public async Task Cancel_ARunWhoseActivityIgnoresCancellation_EndsWithinASecond()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(FlowBuilder.Create()
            .Add("busy", "test.stubborn")
            .Add("never", "core.log", new JsonObject { ["message"] = "never" })
            .Chain("start", "busy", "never")
            .Build());
        var started = await harness.StartAsync("wf");
        await ParallelAndJoinTests.WaitUntilAsync(() =>
            harness.Store.GetAsync(started.Id, CancellationToken.None).Result!.StateJson.Contains("busy", StringComparison.Ordinal));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cancelled = await harness.Runtime.CancelAsync(started.Id, CancellationToken.None);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"cancel took {clock.Elapsed}");
        Assert.Equal(InstanceStatus.Cancelled, cancelled.Status);
        Assert.Equal(InstanceStatus.Cancelled, (await harness.Store.GetAsync(started.Id, CancellationToken.None))!.Status);
        Assert.DoesNotContain(await harness.JournalAsync(started.Id), e => e.ActivityId == "never");
    }

    [Fact]
    public async Task Cancel_ACompletedRun_IsAConflict()
    {
        await using var harness = new EngineHarness();
        var run = await harness.RunAsync(FlowBuilder.Create().Build());

        await Assert.ThrowsAsync<ConflictException>(() => harness.Runtime.CancelAsync(run.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Cancel_AFaultedRun_DiscardsItsIncident()
    {
        await using var harness = new EngineHarness();
        var faulted = await harness.RunAsync(FlowBuilder.Create()
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 1, ["permanent"] = true })
            .Chain("start", "post")
            .Build());

        await harness.Runtime.CancelAsync(faulted.Id, CancellationToken.None);

        await ParallelAndJoinTests.WaitUntilAsync(() =>
            harness.Store.ListOpenDeadLettersAsync(faulted.Id, CancellationToken.None).Result.Count == 0);
        var entry = Assert.Single(await harness.Store.QueryDeadLettersAsync(null, "wf", 0, 10, CancellationToken.None));
        Assert.Equal(DeadLetterStatus.Discarded, entry.Status);
    }
}
