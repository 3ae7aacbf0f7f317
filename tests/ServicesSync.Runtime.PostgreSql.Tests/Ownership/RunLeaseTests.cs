using ServicesSync.Persistence;
using ServicesSync.Runtime.PostgreSql.Tests.Execution;
using ServicesSync.Testing.RealSystems;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Runtime.PostgreSql.Tests.Ownership;

/// <summary>Leases that ride on commits: a new run claimed by its creation, an ended run released by its last commit.</summary>
public sealed class RunLeaseTests : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await PostgreSqlServer.CreateScratchAsync("leases");

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task StartAsync_NewRun_IsLeasedAndJournalsItsTriggerInTheSameTransactionThatCreatesIt()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await node.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("gated"), "test", CancellationToken.None);

        var started = await node.StartAsync("gated");

        // The gated step holds the run after its first commit: the same transaction id on the
        // lease, the instance row and the trigger's journal entry means one transaction wrote all
        // three (the creation went with the trigger's step).
        Assert.Equal("node-a", await ScalarAsync($"select node from run_leases where instance_id = '{started.Id}'"));
        var lease = await ScalarAsync($"select xmin::text from run_leases where instance_id = '{started.Id}'");
        Assert.Equal(lease, await ScalarAsync($"select xmin::text from instances where id = '{started.Id}'"));
        Assert.Equal(lease, await ScalarAsync($"select xmin::text from journal where instance_id = '{started.Id}' and activity_id = 'start'"));
    }

    [Fact]
    public async Task StartAsync_NewRun_AnotherNodeCannotTakeItWhileItRuns()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await using var other = new PostgreSqlRuntimeHarness(connectionString, "node-b");
        await node.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("gated"), "test", CancellationToken.None);

        var started = await node.StartAsync("gated");

        Assert.False(await other.Ownership.TryAcquireAsync(started.Id, CancellationToken.None));
        Assert.Empty(await other.Ownership.ClaimOrphansAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task CompletedRun_LeaseIsGoneWhenItsCompletionIsVisible()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        await node.Store.PublishAsync(PostgreSqlRuntimeHarness.Gated("gated"), "test", CancellationToken.None);
        var started = await node.StartAsync("gated");

        node.Gate.Open();
        var finished = await node.WaitAsync(started.Id);

        // Released by the commit that completed it, not by a later transaction of its own.
        Assert.Equal(InstanceStatus.Completed, finished.Status);
        Assert.Equal(0L, await ScalarAsync($"select count(*) from run_leases where instance_id = '{started.Id}'"));
    }

    [Fact]
    public async Task CommitAsync_ReleaseOfALeaseAnotherNodeHasTakenOver_LeavesThatNodesLease()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        var store = node.Store;
        var expires = DateTimeOffset.UtcNow.AddMinutes(1);
        await store.CommitAsync([InstanceCommit.StateOnly(Instance("i-1")) with { Lease = LeaseChange.Claim("node-a", expires) }], CancellationToken.None);
        await ScalarAsync("update run_leases set node = 'node-b' where instance_id = 'i-1'");

        await store.CommitAsync(
            [InstanceCommit.StateOnly(Instance("i-1", status: InstanceStatus.Completed)) with { Lease = LeaseChange.Release("node-a") }],
            CancellationToken.None);

        Assert.Equal("node-b", await ScalarAsync("select node from run_leases where instance_id = 'i-1'"));
    }

    [Fact]
    public async Task CommitAsync_ClaimAndReleaseOfOneRunInOneBatch_LeavesNoLease()
    {
        await using var node = new PostgreSqlRuntimeHarness(connectionString, "node-a");
        var expires = DateTimeOffset.UtcNow.AddMinutes(1);

        await node.Store.CommitAsync(
            [
                InstanceCommit.StateOnly(Instance("i-1")) with { Lease = LeaseChange.Claim("node-a", expires) },
                InstanceCommit.StateOnly(Instance("i-2")) with { Lease = LeaseChange.Claim("node-a", expires) },
                InstanceCommit.StateOnly(Instance("i-1", status: InstanceStatus.Completed)) with { Lease = LeaseChange.Release("node-a") },
            ],
            CancellationToken.None);

        Assert.Equal("i-2", await ScalarAsync("select string_agg(instance_id, ',') from run_leases"));
    }

    private Task<object?> ScalarAsync(string sql) => PostgreSqlServer.ScalarAsync(connectionString, sql);
}
