using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class ForEachTests
{
    private static JsonArray Items(int count) => [.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["id"] = $"e{i}" })];

    private static FlowBuilder LoopFlow(int parallelism) => FlowBuilder.Create()
        .Add("loop", "core.forEach", new JsonObject { ["parallelism"] = parallelism })
        .Add("post", "test.item")
        .Add("summary", "core.set", new JsonObject { ["template"] = new JsonObject { ["results"] = "{{input}}" } })
        .Connect("start", "loop")
        .Connect("loop", "post", "body")
        .Connect("loop", "summary", "done");

    [Fact]
    public async Task Run_ForEach_ProcessesEveryItemWithinTheParallelismAndKeepsResultOrder()
    {
        await using var harness = new EngineHarness();

        var run = await harness.RunAsync(LoopFlow(3).Build(), Items(12));

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.InRange(harness.Concurrency.Max, 1, 3);
        var results = JsonNode.Parse(run.OutputJson!)!["results"]!.AsArray();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"e{i}"), results.Select(r => r!["processed"]!.GetValue<string>()));
        var journal = await harness.JournalAsync(run.Id);
        Assert.Equal(12, journal.Count(e => e.Kind == JournalEntryKind.ItemCompleted));
        Assert.Equal(12, journal.Count(e => e.ActivityId == "post" && e.Kind == JournalEntryKind.Completed));
    }

    [Fact]
    public async Task Run_ForEachWithParallelism_ReallyRunsItemsAtTheSameTime()
    {
        await using var harness = new EngineHarness();
        harness.Concurrency.Gate.Close();
        await harness.PublishAsync(LoopFlow(4).Build());

        var started = await harness.StartAsync("wf", Items(10));
        await ParallelAndJoinTests.WaitUntilAsync(() => harness.Concurrency.Current == 4);
        harness.Concurrency.Gate.Open();
        var run = await harness.WaitAsync(started.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(4, harness.Concurrency.Max);
    }

    [Fact]
    public async Task Run_ForEachWithOneFailingItem_FinishesTheOthersThenFaultsWithThatItemOnly()
    {
        await using var harness = new EngineHarness();
        harness.Faults.Broken["e4"] = true;

        var run = await harness.RunAsync(LoopFlow(2).Build(), Items(8));

        Assert.Equal(InstanceStatus.Faulted, run.Status);
        Assert.Equal(1, run.IncidentCount);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(1, harness.Faults.CallsOf($"item:e{i}"));
        }

        var incident = Assert.Single(await harness.Store.ListOpenDeadLettersAsync(run.Id, CancellationToken.None));
        Assert.Equal(DeadLetterKind.Incident, incident.Kind);
        Assert.Equal("loop[4]", incident.Scope);
        Assert.Equal("""{"id":"e4"}""", incident.MessageJson);
        var journal = await harness.JournalAsync(run.Id);
        Assert.Equal(7, journal.Count(e => e.Kind == JournalEntryKind.ItemCompleted));
        Assert.DoesNotContain(journal, e => e.ActivityId == "summary");
    }

    [Fact]
    public async Task Retry_AfterTheFailedItemIsFixed_RunsOnlyThatItemAndCompletes()
    {
        await using var harness = new EngineHarness();
        harness.Faults.Broken["e2"] = true;
        var faulted = await harness.RunAsync(LoopFlow(3).Build(), Items(6));
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        harness.Faults.Broken.Clear();

        await harness.Runtime.RetryAsync(faulted.Id, null, CancellationToken.None);
        var run = await harness.WaitAsync(faulted.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(2, harness.Faults.CallsOf("item:e2"));
        Assert.Equal(1, harness.Faults.CallsOf("item:e3"));
        var results = JsonNode.Parse(run.OutputJson!)!["results"]!.AsArray();
        Assert.Equal(6, results.Count);
        Assert.Equal("e2", results[2]!["processed"]!.GetValue<string>());
        var incident = Assert.Single(await harness.Store.QueryDeadLettersAsync(null, "wf", 0, 10, CancellationToken.None));
        Assert.Equal(DeadLetterStatus.Retried, incident.Status);
    }

    [Fact]
    public async Task Run_ForEachOverAnEmptyArray_GoesStraightToDone()
    {
        await using var harness = new EngineHarness();

        var run = await harness.RunAsync(LoopFlow(2).Build(), new JsonArray());

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"results":[]}""", run.OutputJson);
    }

    [Fact]
    public async Task Run_NestedForEach_CollectsInnerResultsPerOuterItem()
    {
        await using var harness = new EngineHarness();
        // The inner loop iterates the outer item, which is itself an array.
        var flow = FlowBuilder.Create()
            .Add("outer", "core.forEach", new JsonObject { ["parallelism"] = 2 })
            .Add("inner", "core.forEach", new JsonObject { ["parallelism"] = 2 })
            .Add("post", "test.item")
            .Connect("start", "outer")
            .Connect("outer", "inner", "body")
            .Connect("inner", "post", "body")
            .Build();
        var input = new JsonArray(
            new JsonArray(new JsonObject { ["id"] = "a1" }, new JsonObject { ["id"] = "a2" }),
            new JsonArray(new JsonObject { ["id"] = "b1" }));

        var run = await harness.RunAsync(flow, input);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""[[{"processed":"a1"},{"processed":"a2"}],[{"processed":"b1"}]]""", run.OutputJson);
    }
}
