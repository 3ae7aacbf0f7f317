using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class EventsAndTimersTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static FlowBuilder Subscriber(string id) => new FlowBuilder(id)
        .Add("on", "core.event", new JsonObject { ["name"] = "worker.activated" })
        .Add("note", "core.set", new JsonObject { ["template"] = new JsonObject { ["provisioned"] = "{{input.worker}}" } })
        .Chain("on", "note");

    [Fact]
    public async Task PublishEvent_StartsEverySubscribedWorkflowOnce()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(Subscriber("psa").Build());
        await harness.PublishAsync(Subscriber("erp").Build());
        var publisher = FlowBuilder.Create("hire")
            .Add("announce", "core.publishEvent", new JsonObject { ["name"] = "worker.activated", ["correlationKey"] = "W-7" })
            .Chain("start", "announce")
            .Build();
        var run = await harness.RunAsync(publisher, new JsonObject { ["worker"] = "W-7" });
        Assert.Equal(InstanceStatus.Completed, run.Status);

        Assert.Equal(1, await harness.Events.DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(0, await harness.Events.DispatchPendingAsync(CancellationToken.None));

        foreach (var workflow in new[] { "psa", "erp" })
        {
            var started = Assert.Single((await harness.Store.QueryAsync(new InstanceQuery { WorkflowId = workflow }, CancellationToken.None)).Items);
            var finished = await harness.WaitAsync(started.Id);
            Assert.Equal("""{"provisioned":"W-7"}""", finished.OutputJson);
            Assert.Equal("W-7", finished.CorrelationKey);
        }
    }

    [Fact]
    public async Task Dispatch_RepeatedAfterACrashBeforeItWasMarked_StartsNoSubscriberTwice()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(Subscriber("psa").Build());
        var published = await harness.Publisher.PublishAsync("worker.activated", new JsonObject { ["worker"] = "W-8" }, null, CancellationToken.None);

        await harness.Events.DispatchAsync(published, CancellationToken.None);
        await harness.Events.DispatchAsync(published, CancellationToken.None);

        var runs = await harness.Store.QueryAsync(new InstanceQuery { WorkflowId = "psa" }, CancellationToken.None);
        Assert.Equal(1, runs.Total);
    }

    [Fact]
    public async Task WaitForEvent_IsResumedOnlyByItsCorrelationKey_EvenAfterARestart()
    {
        await using var first = new EngineHarness();
        var waiting = await first.RunAsync(FlowBuilder.Create()
            .Add("await", "core.waitForEvent", new JsonObject { ["name"] = "erp.employeeCreated", ["correlationKey"] = "W-9" })
            .Add("done", "core.set", new JsonObject { ["template"] = new JsonObject { ["erpId"] = "{{input.erpId}}" } })
            .Connect("start", "await")
            .Connect("await", "done", "received")
            .Build());
        Assert.Equal(InstanceStatus.Suspended, waiting.Status);
        await first.StopAsync(TimeSpan.FromSeconds(5));

        await using var second = new EngineHarness(first.Store);
        await second.Publisher.PublishAsync("erp.employeeCreated", new JsonObject { ["erpId"] = "E-1" }, "W-1", CancellationToken.None);
        await second.Events.DispatchPendingAsync(CancellationToken.None);
        Assert.Equal(InstanceStatus.Suspended, (await second.Store.GetAsync(waiting.Id, CancellationToken.None))!.Status);

        await second.Publisher.PublishAsync("erp.employeeCreated", new JsonObject { ["erpId"] = "E-9" }, "W-9", CancellationToken.None);
        await second.Events.DispatchPendingAsync(CancellationToken.None);
        var run = await second.WaitAsync(waiting.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"erpId":"E-9"}""", run.OutputJson);
    }

    [Fact]
    public async Task WaitForEvent_TakesTheTimeoutOutcomeWhenDue()
    {
        var clock = new FakeTimeProvider(Start);
        await using var harness = new EngineHarness(clock: clock);
        var waiting = await harness.RunAsync(FlowBuilder.Create()
            .Add("await", "core.waitForEvent", new JsonObject { ["name"] = "manager.approved", ["timeout"] = "PT2H" })
            .Add("escalate", "core.set", new JsonObject { ["template"] = "escalated" })
            .Add("approved", "core.set", new JsonObject { ["template"] = "approved" })
            .Connect("start", "await")
            .Connect("await", "approved", "received")
            .Connect("await", "escalate", "timeout")
            .Build());

        clock.Advance(TimeSpan.FromMinutes(119));
        Assert.Equal(0, await harness.Timers.FireDueAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await harness.Timers.FireDueAsync(CancellationToken.None));
        var run = await harness.WaitAsync(waiting.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("\"escalated\"", run.OutputJson);
    }

    [Fact]
    public async Task Delay_SuspendsUntilItsTimeAndThenContinuesWithTheSameMessage()
    {
        var clock = new FakeTimeProvider(Start);
        await using var harness = new EngineHarness(clock: clock);
        var waiting = await harness.RunAsync(FlowBuilder.Create()
            .Add("pause", "core.delay", new JsonObject { ["duration"] = "PT15M" })
            .Add("after", "core.log", new JsonObject { ["message"] = "resumed" })
            .Chain("start", "pause", "after")
            .Build(), new JsonObject { ["batch"] = 3 });
        Assert.Equal(InstanceStatus.Suspended, waiting.Status);
        Assert.Equal(Start.AddMinutes(15), await harness.Timers.NextDueAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromMinutes(15));
        await harness.Timers.FireDueAsync(CancellationToken.None);
        var run = await harness.WaitAsync(waiting.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"batch":3}""", run.OutputJson);
        Assert.Null(await harness.Timers.NextDueAsync(CancellationToken.None));
    }
}
