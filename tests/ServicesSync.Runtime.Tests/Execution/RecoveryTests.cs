using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class RecoveryTests
{
    [Fact]
    public async Task Recover_AfterTheProcessStoppedMidLoop_FinishesTheRunWithoutRepeatingCompletedItems()
    {
        await using var first = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("loop", "core.forEach", new JsonObject { ["parallelism"] = 2 })
            .Add("post", "test.item")
            .Connect("start", "loop")
            .Connect("loop", "post", "body")
            .Build();
        await first.PublishAsync(flow);
        var items = new JsonArray([.. Enumerable.Range(0, 10).Select(i => (JsonNode)new JsonObject { ["id"] = $"e{i}" })]);
        first.Concurrency.Gate.AllowOnly(4);
        var started = await first.StartAsync("wf", items);
        await ParallelAndJoinTests.WaitUntilAsync(() => first.Concurrency.Current == 2);

        // Stop with a drain shorter than the held activity: it is interrupted, as by a crash.
        await first.StopAsync(TimeSpan.FromMilliseconds(50));
        var interrupted = await first.Store.GetAsync(started.Id, CancellationToken.None);
        Assert.Equal(InstanceStatus.Running, interrupted!.Status);
        var doneBefore = (await first.JournalAsync(started.Id))
            .Where(e => e.Kind == JournalEntryKind.ItemCompleted)
            .Select(e => e.ItemIndex!.Value)
            .ToHashSet();
        Assert.Equal(4, doneBefore.Count);

        await using var second = new EngineHarness(first.Store);
        await second.Engine.RecoverAsync(CancellationToken.None);
        var run = await second.WaitAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        var results = JsonNode.Parse(run.OutputJson!)!.AsArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"e{i}"), results.Select(r => r!["processed"]!.GetValue<string>()));
        var journal = await second.JournalAsync(started.Id);
        Assert.Equal(10, journal.Count(e => e.Kind == JournalEntryKind.ItemCompleted));
        for (var i = 0; i < 10; i++)
        {
            // Items the first process finished are never run again; the rest run exactly once.
            Assert.Equal(doneBefore.Contains(i) ? 0 : 1, second.Faults.CallsOf($"item:e{i}"));
        }
    }

    [Fact]
    public async Task Recover_ARunThatKeepsDyingWithTheRuntime_IsResumedUpToTheLimitThenQuarantined()
    {
        var hosts = new List<EngineHarness>();
        try
        {
            // Each harness is a process that dies (is abandoned, never shut down) while the run's
            // activity is in flight, as when the run takes the host's memory.
            var first = new EngineHarness(configure: o => o.MaxCrashResumes = 2);
            hosts.Add(first);
            await first.PublishAsync(FlowBuilder.Create().Add("hog", "test.hang").Add("after", "core.log", new JsonObject { ["message"] = "m" }).Chain("start", "hog", "after").Build());
            var started = await first.StartAsync("wf");
            await WaitUntilInFlightAsync(first, started.Id, "hog");

            for (var resume = 1; resume <= 2; resume++)
            {
                var next = new EngineHarness(first.Store, o => o.MaxCrashResumes = 2);
                hosts.Add(next);
                await next.Engine.RecoverAsync(CancellationToken.None);

                // The count is in the store before the resumed activity runs.
                var stored = (await first.Store.GetAsync(started.Id, CancellationToken.None))!;
                Assert.Equal(InstanceStatus.Running, stored.Status);
                Assert.Equal(resume, JsonNode.Parse(stored.StateJson)!["crashResumes"]!.GetValue<int>());
                await WaitUntilInFlightAsync(next, started.Id, "hog");
            }

            var last = new EngineHarness(first.Store, o => o.MaxCrashResumes = 2);
            hosts.Add(last);
            await last.Engine.RecoverAsync(CancellationToken.None);
            var quarantined = await last.WaitAsync(started.Id);

            Assert.Equal(InstanceStatus.Faulted, quarantined.Status);
            Assert.Equal(0, last.Concurrency.Current);
            var incident = Assert.Single(await last.Store.ListOpenDeadLettersAsync(started.Id, CancellationToken.None));
            Assert.Equal(DeadLetterKind.Incident, incident.Kind);
            Assert.Equal("hog", incident.ActivityId);
            Assert.Equal(
                "Resumed 2 time(s) after the runtime stopped while it ran; quarantined so it cannot crash the runtime again; retry it when fixed.",
                incident.Reason);
            Assert.Equal(incident.Reason, quarantined.Error!.Message);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Retry_AQuarantinedRun_RunsItAgainWithAFreshResumeAllowance()
    {
        var hosts = new List<EngineHarness>();
        try
        {
            var first = new EngineHarness(configure: o => o.MaxCrashResumes = 1);
            hosts.Add(first);
            await first.PublishAsync(FlowBuilder.Create().Add("hog", "test.item").Chain("start", "hog").Build());
            first.Concurrency.Gate.Close();
            var started = await first.StartAsync("wf", new JsonObject { ["id"] = "a" });
            await ParallelAndJoinTests.WaitUntilAsync(() => first.Concurrency.Current == 1);

            var second = new EngineHarness(first.Store, o => o.MaxCrashResumes = 1);
            hosts.Add(second);
            second.Concurrency.Gate.Close();
            await second.Engine.RecoverAsync(CancellationToken.None);
            await ParallelAndJoinTests.WaitUntilAsync(() => second.Concurrency.Current == 1);

            var third = new EngineHarness(first.Store, o => o.MaxCrashResumes = 1);
            hosts.Add(third);
            third.Concurrency.Gate.Close();
            await third.Engine.RecoverAsync(CancellationToken.None);
            Assert.Equal(InstanceStatus.Faulted, (await third.WaitAsync(started.Id)).Status);

            // Retried, it dies once more: with the count reset that is a resume, not a quarantine.
            await third.Runtime.RetryAsync(started.Id, null, CancellationToken.None);
            await ParallelAndJoinTests.WaitUntilAsync(() => third.Concurrency.Current == 1);
            var fourth = new EngineHarness(first.Store, o => o.MaxCrashResumes = 1);
            hosts.Add(fourth);
            await fourth.Engine.RecoverAsync(CancellationToken.None);
            var run = await fourth.WaitAsync(started.Id);

            Assert.Equal(InstanceStatus.Completed, run.Status);
            Assert.Equal(1, fourth.Faults.CallsOf("item:a"));
            Assert.Empty(await fourth.Store.ListOpenDeadLettersAsync(started.Id, CancellationToken.None));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Recover_ARunThatDiedOnceWithTheRuntime_Completes()
    {
        await using var first = new EngineHarness();
        await first.PublishAsync(FlowBuilder.Create().Add("post", "test.item").Add("after", "core.log", new JsonObject { ["message"] = "m" }).Chain("start", "post", "after").Build());
        first.Concurrency.Gate.Close();
        var started = await first.StartAsync("wf", new JsonObject { ["id"] = "a" });
        await ParallelAndJoinTests.WaitUntilAsync(() => first.Concurrency.Current == 1);

        await using var second = new EngineHarness(first.Store);
        await second.Engine.RecoverAsync(CancellationToken.None);
        var run = await second.WaitAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(1, second.Faults.CallsOf("item:a"));
        Assert.Contains(await second.JournalAsync(started.Id), e => e.ActivityId == "after");
    }

    [Fact]
    public async Task Recover_AfterGracefulStops_DoesNotCountThemAsCrashes()
    {
        await using var first = new EngineHarness(configure: o => o.MaxCrashResumes = 1);
        await first.PublishAsync(FlowBuilder.Create().Add("post", "test.item").Chain("start", "post").Build());
        first.Concurrency.Gate.Close();
        var started = await first.StartAsync("wf", new JsonObject { ["id"] = "a" });
        await ParallelAndJoinTests.WaitUntilAsync(() => first.Concurrency.Current == 1);
        await first.StopAsync(TimeSpan.FromMilliseconds(50));

        await using var second = new EngineHarness(first.Store, o => o.MaxCrashResumes = 1);
        second.Concurrency.Gate.Close();
        await second.Engine.RecoverAsync(CancellationToken.None);
        await ParallelAndJoinTests.WaitUntilAsync(() => second.Concurrency.Current == 1);
        await second.StopAsync(TimeSpan.FromMilliseconds(50));

        await using var third = new EngineHarness(first.Store, o => o.MaxCrashResumes = 1);
        await third.Engine.RecoverAsync(CancellationToken.None);

        Assert.Equal(InstanceStatus.Completed, (await third.WaitAsync(started.Id)).Status);
    }

    private static Task WaitUntilInFlightAsync(EngineHarness harness, string instanceId, string activityId)
        => ParallelAndJoinTests.WaitUntilAsync(() =>
            harness.Engine.ActiveCount == 1
            && harness.Store.GetAsync(instanceId, CancellationToken.None).Result!.StateJson.Contains($"\"activity\":\"{activityId}\"", StringComparison.Ordinal));
}
