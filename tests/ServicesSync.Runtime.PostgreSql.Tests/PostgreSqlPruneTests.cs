using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Testing.RealSystems;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Runtime.PostgreSql.Tests;

/// <summary>Retention of the side tables deletes in slices, one transaction each, until nothing is due.</summary>
public sealed class PostgreSqlPruneTests
{
    [Fact]
    public async Task PruneIdempotencyRecordsAsync_MoreThanOneSliceDue_DeletesEveryDueRecordAndKeepsTheRest()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("pruneidem");
        await using var store = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System);
        await PostgreSqlServer.ScalarAsync(
            connectionString,
            $"insert into idempotency (id, key, result, recorded_at) select 'k' || n, 'k' || n, null, case when n <= 12000 then {At(1).UtcTicks} else {At(9).UtcTicks} end from generate_series(1, 12003) n");

        var pruned = await store.PruneIdempotencyRecordsAsync(At(5), CancellationToken.None);

        Assert.Equal(12_000, pruned);
        Assert.Equal(3L, await PostgreSqlServer.ScalarAsync(connectionString, "select count(*) from idempotency"));
        Assert.NotNull(await store.GetIdempotencyRecordAsync("k12001", CancellationToken.None));
    }

    [Fact]
    public async Task PruneDispatchedEventsAsync_MoreThanOneSliceDue_DeletesOnlyDispatchedEventsBeforeTheCutoff()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("pruneevents");
        await using var store = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System);
        await PostgreSqlServer.ScalarAsync(
            connectionString,
            $$"""
            insert into events (id, name, payload, created_at, dispatched_at)
            select 'e' || n, 'timesheet.approved', '{}', {{At(0).UtcTicks}},
                case when n <= 11000 then {{At(1).UtcTicks}} when n = 11001 then {{At(9).UtcTicks}} end
            from generate_series(1, 11002) n
            """);

        var pruned = await store.PruneDispatchedEventsAsync(At(5), CancellationToken.None);

        Assert.Equal(11_000, pruned);
        Assert.Equal(["e11002"], (await store.ListPendingEventsAsync(10, CancellationToken.None)).Select(e => e.Id));
        Assert.Equal(2L, await PostgreSqlServer.ScalarAsync(connectionString, "select count(*) from events"));
    }
}
