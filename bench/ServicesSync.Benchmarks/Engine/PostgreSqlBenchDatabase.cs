using System.Globalization;
using Npgsql;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>
/// A fresh database on the server for one measurement, dropped afterwards, so no run sees
/// another's rows and the server's per-database counters belong to this measurement alone.
/// </summary>
internal sealed class PostgreSqlBenchDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly string name;

    private PostgreSqlBenchDatabase(string server, string name, string connectionString)
    {
        this.server = server;
        this.name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The connection string of the new database (the server's, with its name).</summary>
    public string ConnectionString { get; }

    public static async Task<PostgreSqlBenchDatabase> CreateAsync(string serverConnectionString)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"bench_{Guid.NewGuid():N}");
        await ExecuteAsync(serverConnectionString, $"create database {name}");
        var database = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name };
        return new PostgreSqlBenchDatabase(serverConnectionString, name, database.ConnectionString);
    }

    /// <summary>Whether the server fsyncs its write-ahead log (the numbers mean nothing without it).</summary>
    public static async Task<bool> FsyncAsync(string serverConnectionString)
        => (string)(await ScalarAsync(serverConnectionString, "show fsync"))! == "on";

    /// <summary>
    /// Transactions committed in this database (reads and the pool's session resets count too),
    /// and write-ahead-log fsyncs and bytes on the whole server so far. Sessions report their
    /// counters lazily (at most once a second, and when they end), so read this after the
    /// store's sessions have closed.
    /// </summary>
    public async Task<(long Transactions, long WalSyncs, long WalBytes)> CountersAsync()
    {
        for (var i = 0; i < 50 && (long)(await ScalarAsync($"select count(*) from pg_stat_activity where datname = '{name}'"))! > 0; i++)
        {
            await Task.Delay(100);
        }

        var commits = (long)(await ScalarAsync($"select xact_commit from pg_stat_database where datname = '{name}'"))!;
        var syncs = (long)(await ScalarAsync("select wal_sync from pg_stat_wal"))!;
        var bytes = (long)(await ScalarAsync("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint"))!;
        return (commits, syncs, bytes);
    }

    /// <summary>The server's postmaster process when it runs on this machine (the parent of a backend), else null.</summary>
    public async Task<int?> PostmasterPidAsync()
    {
        var backend = Convert.ToInt32(await ScalarAsync("select pg_backend_pid()"), CultureInfo.InvariantCulture);
        return ServerCpu.ParentOf(backend);
    }

    public async ValueTask DisposeAsync()
        => await ExecuteAsync(server, $"drop database if exists {name} with (force)");

    private Task<object?> ScalarAsync(string sql) => ScalarAsync(server, sql);

    /// <summary>One statement's scalar on a connection of its own (the other bench drivers use it too).</summary>
    internal static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>One statement on a connection of its own; <paramref name="timeoutSeconds"/> 0 waits as long as it takes (a seed).</summary>
    internal static async Task ExecuteAsync(string connectionString, string sql, int timeoutSeconds = 30)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync();
    }
}
