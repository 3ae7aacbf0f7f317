using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Execution;
using ServicesSync.Execution.Triggers;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Persistence.PostgreSql.Notifications;
using ServicesSync.Persistence.PostgreSql.Ownership;
using ServicesSync.Testing.Persistence;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Runtime.PostgreSql.Tests.Notifications;

/// <summary>
/// What one node commits wakes the listener of another (two store instances on one schema): the
/// signals below have no other source here, so a signal that arrives came through the database.
/// </summary>
public sealed class StoreNotificationTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(300);

    private readonly RuntimeSignals signals = new();
    private readonly CancellationTokenSource stop = new();
    private PostgreSqlWorkflowStore listening = null!;
    private PostgreSqlWorkflowStore other = null!;
    private StoreNotificationListener listener = null!;

    public async Task InitializeAsync()
    {
        var schema = await PostgreSqlServer.CreateScratchAsync("notify");
        listening = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = schema }, TimeProvider.System);
        other = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = schema }, TimeProvider.System);
        listener = new StoreNotificationListener(listening, new NoTriggers(), signals, TimeProvider.System, NullLogger<StoreNotificationListener>.Instance);
        await listener.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await listener.StopAsync(CancellationToken.None);
        await listening.DisposeAsync();
        await other.DisposeAsync();
    }

    public void Dispose()
    {
        listener.Dispose();
        signals.Dispose();
        stop.Dispose();
    }

    [Fact]
    public async Task AnEventCommittedByAnotherNode_WakesTheEventDispatcher()
        => Assert.True(await EventsWakeAsync());

    [Fact]
    public async Task ABookmarkWithADueTime_WakesTheTimers()
    {
        var n = 0;
        Assert.True(await WokenAsync(
            () => other.CommitAsync([Commit($"run-{n++}", TimeSpan.FromMinutes(5))], CancellationToken.None),
            timeout => signals.WaitForTimersAsync(timeout, TimeProvider.System, stop.Token)));
    }

    [Fact]
    public async Task ABookmarkWithoutADueTime_DoesNotWakeTheTimers()
    {
        Assert.True(await EventsWakeAsync()); // the listener is listening now

        await other.CommitAsync([Commit("waits-for-a-signal", resumeIn: null)], CancellationToken.None);

        Assert.False(await WokenOnceAsync(timeout => signals.WaitForTimersAsync(timeout, TimeProvider.System, stop.Token), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ANodeHandingItsRunsOver_WakesTheTakeover()
    {
        var options = new RuntimeOptions { NodeId = "stopping" };
        var leaving = new PostgreSqlRunOwnership(other, options, TimeProvider.System);
        var n = 0;
        Assert.True(await WokenAsync(
            async () =>
            {
                Assert.True(await leaving.TryAcquireAsync($"run-{n++}", CancellationToken.None));
                await leaving.ReleaseAllAsync(CancellationToken.None);
            },
            timeout => signals.WaitForRunChangesAsync(timeout, TimeProvider.System, stop.Token)));
    }

    [Fact]
    public async Task ACancellationRequest_WakesTheHolder_WhoTakesItOnce()
    {
        var asking = new PostgreSqlCancellationRequests(other, TimeProvider.System);
        var holding = new PostgreSqlCancellationRequests(listening, TimeProvider.System);

        Assert.True(await WokenAsync(
            () => asking.RequestAsync("run-held-elsewhere", CancellationToken.None),
            timeout => signals.WaitForRunChangesAsync(timeout, TimeProvider.System, stop.Token)));

        Assert.Empty(await holding.TakeAsync(["some-other-run"], CancellationToken.None));
        Assert.Equal(["run-held-elsewhere"], await holding.TakeAsync(["run-held-elsewhere", "some-other-run"], CancellationToken.None));
        Assert.Empty(await holding.TakeAsync(["run-held-elsewhere"], CancellationToken.None));
    }

    [Fact]
    public async Task WorkInAnotherSchemaOfTheSameDatabase_DoesNotWakeThisDeployment()
    {
        Assert.True(await EventsWakeAsync()); // the listener is listening now
        await using var elsewhere = new PostgreSqlWorkflowStore(
            new PostgreSqlStoreOptions { ConnectionString = await PostgreSqlServer.CreateScratchAsync("notify-other") }, TimeProvider.System);

        await elsewhere.AddEventAsync(Event("someone-elses"), CancellationToken.None);

        Assert.False(await WokenOnceAsync(timeout => signals.WaitForEventsAsync(timeout, TimeProvider.System, stop.Token), TimeSpan.FromSeconds(1)));
    }

    private async Task<bool> EventsWakeAsync()
    {
        var n = 0;
        return await WokenAsync(
            () => other.AddEventAsync(Event($"evt-{n++}"), CancellationToken.None),
            timeout => signals.WaitForEventsAsync(timeout, TimeProvider.System, stop.Token));
    }

    /// <summary>
    /// Does <paramref name="act"/> until a signal follows it quickly: notifications sent before
    /// the listener's LISTEN took effect are lost by design, so the first tries may go unheard.
    /// </summary>
    private static async Task<bool> WokenAsync(Func<Task> act, Func<TimeSpan, Task> wait)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            await act();
            if (await WokenOnceAsync(wait, Quick))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the wait ended by a signal rather than by its timeout.</summary>
    private static async Task<bool> WokenOnceAsync(Func<TimeSpan, Task> wait, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        await wait(timeout);
        return clock.Elapsed < timeout - TimeSpan.FromMilliseconds(50);
    }

    private static OutboxEvent Event(string id)
        => new() { Id = id, Name = "timesheet.approved", PayloadJson = "{}", CreatedAt = DateTimeOffset.UtcNow };

    private static InstanceCommit Commit(string instanceId, TimeSpan? resumeIn)
        => new(StoreMother.Instance(instanceId), [], [], [Bookmark(instanceId, resumeIn)], []);

    private static BookmarkRecord Bookmark(string instanceId, TimeSpan? resumeIn) => new()
    {
        Id = instanceId + "/wait",
        InstanceId = instanceId,
        ActivityId = "wait",
        Name = resumeIn is null ? "signal:approved" : "timer",
        ResumeAt = resumeIn is { } delay ? DateTimeOffset.UtcNow + delay : null,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private sealed class NoTriggers : ITriggerIndex
    {
        public event EventHandler? Changed { add { } remove { } }

        public Task<IReadOnlyList<TriggerBinding>> GetAsync(string triggerType, CancellationToken cancellationToken)
            => Task.FromResult<IReadOnlyList<TriggerBinding>>([]);

        public Task RefreshAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
