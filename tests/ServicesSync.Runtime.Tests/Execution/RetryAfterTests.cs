using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Definitions;
using ServicesSync.Execution.Compilation;
using ServicesSync.Persistence;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Runtime.Tests.Execution;

/// <summary>The activity's retry waits at least the Retry-After its failure carried, even past the policy's own delays.</summary>
public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Run_FailureCarryingRetryAfter3s_IsRetriedNoSoonerThan3sLaterOnTheClock()
    {
        var clock = new FakeTimeProvider(Start);
        await using var harness = new EngineHarness(clock: clock);
        // The policy alone would retry after 100 ms and never wait more than 1 s.
        var quick = new RetryPolicySpec
        {
            MaxAttempts = 2, Backoff = BackoffKind.Exponential, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Jitter = true,
        };
        var flow = FlowBuilder.Create()
            .Add("post", "test.flaky", new JsonObject { ["failures"] = 1, ["key"] = "post", ["retryAfterSeconds"] = 3 }, quick)
            .Chain("start", "post")
            .Build();
        await harness.PublishAsync(flow);

        var started = await harness.StartAsync(flow.Id);
        // The failed attempt is journaled after its retry's timer is set, so stepping starts on time.
        await UntilAsync(async () => (await harness.JournalAsync(started.Id)).Any(e => e.Kind == JournalEntryKind.AttemptFailed));
        var waited = await AdvanceUntilAsync(clock, () => harness.Faults.CallsOf("post") == 2);

        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.25));
        Assert.Equal(InstanceStatus.Completed, (await harness.WaitAsync(started.Id)).Status);
    }

    [Fact]
    public async Task Run_HttpRequestAnswered429WithRetryAfter3_RetriesItNoSoonerThan3sLaterEndToEnd()
    {
        var clock = new FakeTimeProvider(Start);
        await using var server = await StubServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"ok":true}""");
        });
        server.Enqueue(StubFault.TooManyRequests(3));
        await using var harness = new EngineHarness(clock: clock);
        var quick = new RetryPolicySpec { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(300), Jitter = true };
        var flow = FlowBuilder.Create()
            .Add("call", "http.request", new JsonObject { ["url"] = server.BaseUri + "orders" }, quick)
            .Chain("start", "call")
            .Build();
        await harness.PublishAsync(flow);

        var started = await harness.StartAsync(flow.Id);
        await UntilAsync(async () => (await harness.JournalAsync(started.Id)).Any(e => e.Kind == JournalEntryKind.AttemptFailed));
        var waited = await AdvanceUntilAsync(clock, () => server.Requests.Count == 2);

        Assert.InRange(waited, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3.25));
        var run = await harness.WaitAsync(started.Id);
        Assert.Equal(InstanceStatus.Completed, run.Status);
        Assert.Contains("Retry-After: 3 s", (await harness.JournalAsync(started.Id)).Single(e => e.Kind == JournalEntryKind.AttemptFailed).Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BackoffKind.Constant, 0, 2, 3)]
    [InlineData(BackoffKind.Exponential, 3, 2, 16)]
    [InlineData(BackoffKind.Linear, 1, 10, 20)]
    public void RetryAfterDelay_IsTheLargerOfTheServersWaitAndThePolicysBackoff(BackoffKind backoff, int attemptNumber, double initialSeconds, double expectedSeconds)
    {
        var retry = new RetryPolicySpec { MaxAttempts = 5, Backoff = backoff, InitialDelay = TimeSpan.FromSeconds(initialSeconds) };

        var delay = ResiliencePipelineFactory.RetryAfterDelay(retry, attemptNumber, TimeSpan.FromSeconds(3));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the first attempt");
            await Task.Delay(5);
        }
    }

    /// <summary>Steps the fake clock (50 ms at a time) until the condition holds; returns the fake time that passed.</summary>
    private static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider clock, Func<bool> condition)
    {
        var before = clock.GetUtcNow();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the retry");
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(5);
        }

        return clock.GetUtcNow() - before;
    }
}
