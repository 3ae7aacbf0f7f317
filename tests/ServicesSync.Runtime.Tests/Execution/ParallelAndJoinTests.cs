using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class ParallelAndJoinTests
{
    [Fact]
    public async Task Run_FanOutAndJoinAll_RunsBranchesConcurrentlyAndMergesTheirMessages()
    {
        await using var harness = new EngineHarness();
        harness.Concurrency.Gate.Close();
        var flow = FlowBuilder.Create()
            .Add("hr", "test.item")
            .Add("erp", "test.item")
            .Add("both", "core.join")
            .Connect("start", "hr")
            .Connect("start", "erp")
            .Connect("hr", "both")
            .Connect("erp", "both")
            .Build();
        await harness.PublishAsync(flow);

        var started = await harness.StartAsync("wf", new JsonObject { ["id"] = "w1" });
        await WaitUntilAsync(() => harness.Concurrency.Current == 2);
        harness.Concurrency.Gate.Open();
        var run = await harness.WaitAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(2, harness.Concurrency.Max);
        var output = JsonNode.Parse(run.OutputJson!)!.AsObject();
        Assert.Equal(["erp", "hr"], output.Select(p => p.Key).Order());
        Assert.Equal("w1", output["hr"]!["processed"]!.GetValue<string>());
        var journal = await harness.JournalAsync(run.Id);
        Assert.Single(journal, e => e.ActivityId == "both");
    }

    [Fact]
    public async Task Run_JoinAfterBranch_FiresWithTheOnlyBranchTaken()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("check", "core.branch", new JsonObject { ["condition"] = false })
            .Add("yes", "core.set", new JsonObject { ["template"] = "yes" })
            .Add("no", "core.set", new JsonObject { ["template"] = "no" })
            .Add("merge", "core.join")
            .Add("after", "core.set", new JsonObject { ["template"] = new JsonObject { ["merged"] = "{{input}}" } })
            .Connect("start", "check")
            .Connect("check", "yes", "true")
            .Connect("check", "no", "false")
            .Connect("yes", "merge")
            .Connect("no", "merge")
            .Connect("merge", "after")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"merged":{"no":"no"}}""", run.OutputJson);
    }

    [Fact]
    public async Task Run_JoinAny_ContinuesOnceOnTheFirstArrival()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("a", "core.set", new JsonObject { ["template"] = "a" })
            .Add("b", "core.set", new JsonObject { ["template"] = "b" })
            .Add("first", "core.join", new JsonObject { ["mode"] = "any" })
            .Add("after", "core.log", new JsonObject { ["message"] = "joined" })
            .Connect("start", "a")
            .Connect("start", "b")
            .Connect("a", "first")
            .Connect("b", "first")
            .Connect("first", "after")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        var journal = await harness.JournalAsync(run.Id);
        Assert.Single(journal, e => e.ActivityId == "first");
        Assert.Single(journal, e => e.ActivityId == "after");
    }

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached within 10 s");
            await Task.Yield();
            await Task.Delay(5);
        }
    }
}
