using Npgsql;
using ServicesSync.Errors;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Persistence.PostgreSql.Schema;
using ServicesSync.Testing.Persistence;
using ServicesSync.Testing.RealSystems;

namespace ServicesSync.Runtime.PostgreSql.Tests;

/// <summary>The schema a store opens: empty, older, current or newer than this build.</summary>
public sealed class SchemaMigrationTests
{
    [Fact]
    public async Task Open_DatabaseAtAnOlderSchema_MigratesItKeepingItsRows()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("older");
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // Version 1 as an older release left it, with a key in it.
            await using var create = new NpgsqlCommand(
                SchemaMigrations.All[0].Sql
                + "; create table servicessync_schema (version integer primary key, name text not null, applied_at timestamptz not null default now());"
                + " insert into servicessync_schema (version, name) values (1, 'initial');"
                + " insert into api_keys values ('k1', 'old', 'ss_abc', 'hash-1', '{read}', 1, null);",
                connection);
            await create.ExecuteNonQueryAsync();
        }

        await using var store = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System);

        Assert.Equal(SchemaMigrations.LatestVersion, Convert.ToInt32(await PostgreSqlServer.ScalarAsync(connectionString, "select max(version) from servicessync_schema")));
        Assert.Equal("old", (await store.FindApiKeyByHashAsync("hash-1", CancellationToken.None))?.Name);
        Assert.True(SchemaMigrations.LatestVersion > 1, "this test needs a migration after the first");
    }

    [Fact]
    public async Task Open_DatabaseFromBeforeTheListIndexesWithRuns_ReplacesThemAndKeepsEveryRun()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("listindexes");
        var before = SchemaMigrations.All.TakeWhile(m => m.Name != "instance_list").ToArray();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // The schema as the release before the list indexes left it, with runs of two workflows in it.
            await using var create = new NpgsqlCommand(
                string.Join(";\n", before.Select(m => m.Sql))
                + "; create table servicessync_schema (version integer primary key, name text not null, applied_at timestamptz not null default now());"
                + string.Concat(before.Select(m => $" insert into servicessync_schema (version, name) values ({m.Version}, '{m.Name}');"))
                + " insert into instances (id, workflow_id, workflow_version, status, created_at, updated_at, trigger_activity_id, variables, state, journal_length, incident_count, dead_letter_count)"
                + " select 'i' || n, case when n % 2 = 0 then 'even' else 'odd' end, 1, case when n % 3 = 0 then 'Faulted' else 'Completed' end,"
                + " n * 600000000::bigint, n * 600000000::bigint, 'hook', '{}', '{}', 1, 0, 0 from generate_series(1, 12) n;"
                + " insert into journal (instance_id, sequence, kind, activity_id, activity_type, scope, attempt, started_at, completed_at, outcomes)"
                + " select 'i' || n, 0, 'Completed', 'hook', 'core.webhook', '', 1, n, n, '{done}' from generate_series(1, 12) n;",
                connection);
            await create.ExecuteNonQueryAsync();
        }

        Assert.InRange(before.Length, 1, SchemaMigrations.All.Count - 1);
        await using var store = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System);

        var indexes = await PostgreSqlServer.ScalarAsync(
            connectionString,
            "select string_agg(indexname, ',' order by indexname) from pg_indexes where schemaname = current_schema() and tablename = 'instances'");
        Assert.Equal("instances_finished,instances_list,instances_pkey,instances_status_list,instances_workflow_list,instances_workflow_status_list", indexes);
        var faultedEven = await store.QueryAsync(new InstanceQuery { WorkflowId = "even", Status = InstanceStatus.Faulted }, CancellationToken.None);
        Assert.Equal(["i12", "i6"], faultedEven.Items.Select(i => i.Id));
        Assert.Equal(12, (await store.QueryAsync(new InstanceQuery(), CancellationToken.None)).Total);
        Assert.Single(await store.GetJournalAsync("i7", null, CancellationToken.None));
    }

    [Fact]
    public async Task Open_DatabaseOfANewerRelease_IsRefusedNamingBothVersions()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("newer");
        PostgreSqlSchema.Migrate(connectionString);
        await PostgreSqlServer.ScalarAsync(connectionString, "insert into servicessync_schema (version, name) values (1000, 'future')");

        var refused = Assert.Throws<ServicesSyncException>(
            () => new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System));

        Assert.Equal(ErrorKind.Configuration, refused.Kind);
        Assert.Contains($"schema version 1000, newer than this ServicesSync knows ({SchemaMigrations.LatestVersion})", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WithMigrateOnOpenOff_RefusesAnUnmigratedDatabaseNamingTheCommand()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("nomigrate");

        var refused = Assert.Throws<ServicesSyncException>(
            () => new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString, MigrateOnOpen = false }, TimeProvider.System));

        Assert.Contains("servicessync db migrate", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_TwoNodesAtOnceOnAnEmptyDatabase_BothOpenAndTheSchemaIsAppliedOnce()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("together");

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(
            () => new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System))));

        Assert.Equal(SchemaMigrations.LatestVersion, Convert.ToInt32(await PostgreSqlServer.ScalarAsync(connectionString, "select count(*) from servicessync_schema")));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Commit_IsDurableOnTheServer_SynchronousCommitIsOnForEverySession()
    {
        var connectionString = await PostgreSqlServer.CreateScratchAsync("sync");
        await using var store = new PostgreSqlWorkflowStore(new PostgreSqlStoreOptions { ConnectionString = connectionString }, TimeProvider.System);
        await store.CommitAsync([InstanceCommit.StateOnly(StoreMother.Instance("i-1"))], CancellationToken.None);

        var setting = await store.ExecuteAsync(
            async (connection, transaction) =>
            {
                await using var show = new NpgsqlCommand("show synchronous_commit", connection, transaction);
                return (string)(await show.ExecuteScalarAsync())!;
            },
            CancellationToken.None);

        Assert.Equal("on", setting);
        Assert.NotNull(await store.GetAsync("i-1", CancellationToken.None));
    }
}
