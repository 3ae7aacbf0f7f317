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
        var started = await first.StartAsync("wf", items);
        await ParallelAndJoinTests.WaitUntilAsync(() => first.Faults.CallsOf("item:e3") == 1);
        first.Concurrency.Gate.Close();
        await ParallelAndJoinTests.WaitUntilAsync(() => first.Concurrency.Current > 0);

        // Stop with a drain shorter than the held activity: it is interrupted, as by a crash.
        await first.StopAsync(TimeSpan.FromMilliseconds(50));
        var interrupted = await first.Store.GetAsync(started.Id, CancellationToken.None);
        Assert.Equal(InstanceStatus.Running, interrupted!.Status);
        var doneBefore = (await first.JournalAsync(started.Id))
            .Where(e => e.Kind == JournalEntryKind.ItemCompleted)
            .Select(e => e.ItemIndex!.Value)
            .ToHashSet();
        Assert.InRange(doneBefore.Count, 3, 9);

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
}
