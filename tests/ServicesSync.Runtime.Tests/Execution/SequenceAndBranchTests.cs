using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class SequenceAndBranchTests
{
    [Fact]
    public async Task Run_LinearChain_PassesEachOutputToTheNextAndJournalsEveryStep()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("shape", "core.set", new JsonObject { ["template"] = new JsonObject { ["worker"] = "{{input.name}}", ["hours"] = "{{input.hours}}" } })
            .Add("wrap", "core.set", new JsonObject { ["template"] = new JsonObject { ["entry"] = "{{input}}" } })
            .Chain("start", "shape", "wrap")
            .Build();

        var run = await harness.RunAsync(flow, new JsonObject { ["name"] = "Ada", ["hours"] = 7.5 });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("""{"entry":{"worker":"Ada","hours":7.5}}""", run.OutputJson);
        var journal = await harness.JournalAsync(run.Id);
        Assert.Equal(["start", "shape", "wrap"], journal.Select(e => e.ActivityId));
        Assert.All(journal, e => Assert.Equal(JournalEntryKind.Completed, e.Kind));
        Assert.Equal(journal[0].OutputJson, journal[1].InputJson);
        Assert.Equal(journal[1].OutputJson, journal[2].InputJson);
        Assert.Equal([0L, 1L, 2L], journal.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Wait_RunEndedByItsDriver_ReturnsExactlyWhatTheStoreHolds()
    {
        // The wait answers from the driver's last commit instead of reading the store back.
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("shape", "core.set", new JsonObject { ["template"] = new JsonObject { ["worker"] = "{{input.name}}" } })
            .Chain("start", "shape")
            .Build();

        var run = await harness.RunAsync(flow, new JsonObject { ["name"] = "Ada" });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(await harness.Store.GetAsync(run.Id, CancellationToken.None), run);
    }

    [Theory]
    [InlineData(true, "approved")]
    [InlineData(false, "rejected")]
    public async Task Run_Branch_FollowsOnlyTheOutcomeTaken(bool condition, string expectedPath)
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("check", "core.branch", new JsonObject { ["condition"] = condition })
            .Add("approved", "core.set", new JsonObject { ["template"] = "approved" })
            .Add("rejected", "core.set", new JsonObject { ["template"] = "rejected" })
            .Connect("start", "check")
            .Connect("check", "approved", "true")
            .Connect("check", "rejected", "false")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal($"\"{expectedPath}\"", run.OutputJson);
        var journal = await harness.JournalAsync(run.Id);
        Assert.DoesNotContain(journal, e => e.ActivityId == (condition ? "rejected" : "approved"));
        Assert.Equal([condition ? "true" : "false"], journal.Single(e => e.ActivityId == "check").Outcomes);
    }

    [Fact]
    public async Task Run_SetVariable_IsVisibleToLaterActivitiesAndPersisted()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Variables(new JsonObject { ["rateCard"] = "standard" })
            .Add("remember", "core.setVariable", new JsonObject { ["name"] = "customer", ["value"] = "ACME" })
            .Add("use", "core.set", new JsonObject { ["template"] = new JsonObject { ["customer"] = "{{vars.customer}}", ["card"] = "{{vars.rateCard}}" } })
            .Chain("start", "remember", "use")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal("""{"customer":"ACME","card":"standard"}""", run.OutputJson);
        Assert.Equal("""{"rateCard":"standard","customer":"ACME"}""", run.VariablesJson);
    }

    [Fact]
    public async Task Run_DeadLetterActivity_ParksTheMessageAndCompletesTheRun()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("park", "core.deadLetter", new JsonObject { ["reason"] = "rate card violation" })
            .Chain("start", "park")
            .Build();

        var run = await harness.RunAsync(flow, new JsonObject { ["entry"] = 42 });

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(1, run.DeadLetterCount);
        var parked = Assert.Single(await harness.Store.QueryDeadLettersAsync(DeadLetterStatus.Open, "wf", 0, 10, CancellationToken.None));
        Assert.Equal(DeadLetterKind.Message, parked.Kind);
        Assert.Equal("rate card violation", parked.Reason);
        Assert.Equal("""{"entry":42}""", parked.MessageJson);
        Assert.Equal("park", parked.ActivityId);
    }

    [Fact]
    public async Task Start_ReturnsOnlyOnceTheRunIsStored_TogetherWithItsTriggerStep()
    {
        // The creation rides on the trigger's commit; the caller still hears of a durable run only.
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("wait", "test.wait", new JsonObject { ["bookmark"] = "approval" })
            .Chain("start", "wait")
            .Build();
        await harness.PublishAsync(flow);

        var started = await harness.StartAsync(flow.Id);

        Assert.NotNull(await harness.Store.GetAsync(started.Id, CancellationToken.None));
        Assert.Equal("start", (await harness.JournalAsync(started.Id))[0].ActivityId);
    }

    [Fact]
    public async Task Start_UnknownTrigger_IsRefusedAndNothingIsStored()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(FlowBuilder.Create().Build());

        var error = await Assert.ThrowsAsync<ServicesSync.Errors.ServicesSyncException>(() =>
            harness.Runtime.StartAsync(new ServicesSync.Execution.StartRunRequest { WorkflowId = "wf", TriggerActivityId = "nope" }, CancellationToken.None));

        Assert.Contains("no trigger 'nope'", error.Message, StringComparison.Ordinal);
        var page = await harness.Store.QueryAsync(new InstanceQuery(), CancellationToken.None);
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Start_UnpublishedWorkflow_IsNotFound()
    {
        await using var harness = new EngineHarness();

        await Assert.ThrowsAsync<ServicesSync.Errors.NotFoundException>(() => harness.StartAsync("missing"));
    }

    [Fact]
    public async Task Start_SameInstanceIdTwice_StartsOneRun()
    {
        await using var harness = new EngineHarness();
        await harness.PublishAsync(FlowBuilder.Create().Build());
        var request = new ServicesSync.Execution.StartRunRequest { WorkflowId = "wf", InstanceId = "delivery-17" };

        var first = await harness.Runtime.StartAsync(request, CancellationToken.None);
        var second = await harness.Runtime.StartAsync(request, CancellationToken.None);

        Assert.Equal("delivery-17", first.Id);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal(1, (await harness.Store.QueryAsync(new InstanceQuery(), CancellationToken.None)).Total);
    }

    [Fact]
    public async Task Run_OutputOverTheMessageLimit_FaultsTheActivity()
    {
        await using var harness = new EngineHarness(configure: o => o.MaxMessageBytes = 1000);
        var flow = FlowBuilder.Create().Add("big", "test.big", new JsonObject { ["size"] = 5000 }).Chain("start", "big").Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Faulted, run.Status);
        Assert.Contains("over the limit", run.Error!.Message, StringComparison.Ordinal);
    }
}
