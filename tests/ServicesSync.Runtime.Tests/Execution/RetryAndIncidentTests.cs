using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Runtime.Tests.Execution;

public sealed class RetryAndIncidentTests
{
    private static readonly RetryPolicySpec ThreeQuickAttempts = new()
    {
        MaxAttempts = 3,
        Backoff = BackoffKind.Constant,
        InitialDelay = TimeSpan.Zero,
        Jitter = false,
    };

    [Fact]
    public async Task Run_TransientFailuresWithinTheRetryPolicy_SucceedAndJournalEachFailedAttempt()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 2, ["key"] = "post" }, ThreeQuickAttempts)
            .Chain("start", "post")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(3, harness.Faults.CallsOf("post"));
        var journal = await harness.JournalAsync(run.Id);
        Assert.Equal([1, 2], journal.Where(e => e.Kind == JournalEntryKind.AttemptFailed).Select(e => e.Attempt));
        var completed = journal.Single(e => e.ActivityId == "post" && e.Kind == JournalEntryKind.Completed);
        Assert.Equal(3, completed.Attempt);
    }

    [Fact]
    public async Task Run_RetriesExhausted_FaultsIntoTheDeadLetterListAndRetryResumesFromTheFailedActivity()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("before", "core.set", new JsonObject { ["template"] = "before" })
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 4, ["key"] = "post" }, ThreeQuickAttempts)
            .Add("after", "core.set", new JsonObject { ["template"] = "after" })
            .Chain("start", "before", "post", "after")
            .Build();

        var faulted = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Equal(ErrorKind.Transient, faulted.Error!.Kind);
        Assert.Contains("flaky failure 3", faulted.Error.Message, StringComparison.Ordinal);
        var incident = Assert.Single(await harness.Store.ListOpenDeadLettersAsync(faulted.Id, CancellationToken.None));
        Assert.Equal("post", incident.ActivityId);

        await harness.Runtime.RetryAsync(faulted.Id, null, CancellationToken.None);
        var run = await harness.WaitAsync(faulted.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal("\"after\"", run.OutputJson);
        Assert.Equal(5, harness.Faults.CallsOf("post"));
        var journal = await harness.JournalAsync(run.Id);
        Assert.Single(journal, e => e.ActivityId == "before");
        Assert.Contains(journal, e => e.Kind == JournalEntryKind.Operator);
        Assert.Empty(await harness.Store.ListOpenDeadLettersAsync(run.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Run_PermanentError_IsNotRetried()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 1, ["key"] = "post", ["permanent"] = true }, ThreeQuickAttempts)
            .Chain("start", "post")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Faulted, run.Status);
        Assert.Equal(1, harness.Faults.CallsOf("post"));
        Assert.False(run.Error!.Retryable);
    }

    [Fact]
    public async Task Run_ActivityOverItsTimeout_FaultsWithATimeoutError()
    {
        await using var harness = new EngineHarness();
        var flow = FlowBuilder.Create()
            .Add("slow", "test.hang", timeout: TimeSpan.FromMilliseconds(50))
            .Chain("start", "slow")
            .Build();

        var run = await harness.RunAsync(flow);

        Assert.Equal(InstanceStatus.Faulted, run.Status);
        Assert.Equal(ErrorKind.Timeout, run.Error!.Kind);
        Assert.Contains("timeout", run.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_OnANewerVersion_ContinuesWithTheNewDefinition()
    {
        await using var harness = new EngineHarness();
        var v1 = FlowBuilder.Create()
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 1, ["key"] = "post", ["permanent"] = true })
            .Chain("start", "post")
            .Build();
        var faulted = await harness.RunAsync(v1);
        var v2 = FlowBuilder.Create()
            .Add("post", "core.set", new JsonObject { ["template"] = "fixed in v2" })
            .Chain("start", "post")
            .Build();
        await harness.PublishAsync(v2);

        await harness.Runtime.RetryAsync(faulted.Id, 2, CancellationToken.None);
        var run = await harness.WaitAsync(faulted.Id);

        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Equal(2, run.WorkflowVersion);
        Assert.Equal("\"fixed in v2\"", run.OutputJson);
    }

    [Fact]
    public async Task Retry_OnAVersionWithoutTheFailedActivity_IsRefusedAndChangesNothing()
    {
        await using var harness = new EngineHarness();
        var faulted = await harness.RunAsync(FlowBuilder.Create()
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 1, ["permanent"] = true })
            .Chain("start", "post")
            .Build());
        await harness.PublishAsync(FlowBuilder.Create().Build());

        var error = await Assert.ThrowsAsync<ConflictException>(() => harness.Runtime.RetryAsync(faulted.Id, 2, CancellationToken.None));

        Assert.Contains("'post'", error.Message, StringComparison.Ordinal);
        var unchanged = await harness.Store.GetAsync(faulted.Id, CancellationToken.None);
        Assert.Equal(InstanceStatus.Faulted, unchanged!.Status);
        Assert.Equal(1, unchanged.WorkflowVersion);
    }

    [Fact]
    public async Task Retry_OfACompletedRun_IsAConflict()
    {
        await using var harness = new EngineHarness();
        var run = await harness.RunAsync(FlowBuilder.Create().Build());

        await Assert.ThrowsAsync<ConflictException>(() => harness.Runtime.RetryAsync(run.Id, null, CancellationToken.None));
    }

    [Fact]
    public async Task Retry_OfAnUnknownRun_IsNotFound()
    {
        await using var harness = new EngineHarness();

        await Assert.ThrowsAsync<NotFoundException>(() => harness.Runtime.RetryAsync("nope", null, CancellationToken.None));
    }
}
