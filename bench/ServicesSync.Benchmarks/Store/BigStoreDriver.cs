using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Benchmarks.Engine;

namespace ServicesSync.Benchmarks.Store;

/// <summary>
/// Load driver: the reads an operator makes on a big PostgreSQL store (the instance list as the
/// API and the designer's runs page ask for it, one run with its journal) and a retention pass,
/// timed through the store's public methods on a database seeded with millions of journal entries.
/// With <c>--server-log</c> (the server's log file, readable here; the server user must be a
/// superuser) every case runs once more with its plans logged by auto_explain and printed.
/// Usage: <c>dotnet run -c Release --project bench/ServicesSync.Benchmarks -- bigstore --postgres CONNECTION
/// [--instances 1000000] [--entries 10] [--iterations 200] [--keep] [--reuse DATABASE] [--server-log PATH]</c>.
/// <c>--keep</c> leaves the database for a later <c>--reuse</c> (e.g. to measure the same rows on
/// another build, which then migrates it on open); otherwise it is dropped at the end.
/// </summary>
internal static class BigStoreDriver
{
    /// <summary>Runs' history spans 35 days; retention keeps 30, so the oldest seventh is due for pruning.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(35);

    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static async Task<int> RunAsync(string[] args)
    {
        var server = Option(args, "--postgres") ?? throw new ArgumentException("--postgres CONNECTION is required");
        var instances = long.Parse(Option(args, "--instances") ?? "1000000", CultureInfo.InvariantCulture);
        var entries = int.Parse(Option(args, "--entries") ?? "10", CultureInfo.InvariantCulture);
        var iterations = int.Parse(Option(args, "--iterations") ?? "200", CultureInfo.InvariantCulture);
        var reuse = Option(args, "--reuse");
        var keep = args.Contains("--keep") || reuse is not null;
        var name = reuse ?? "bigstore_" + Guid.NewGuid().ToString("N")[..8];
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;

        Console.WriteLine($"database {name}, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(await ScalarAsync(server, "select version()"));
        if (reuse is null)
        {
            await ExecuteAsync(server, $"create database {name}");
        }

        try
        {
            var opened = Stopwatch.StartNew();
            var services = new ServiceCollection().AddPostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = database, StatementTimeout = TimeSpan.FromMinutes(10) });
            await using var provider = services.BuildServiceProvider();
            var store = provider.GetRequiredService<IWorkflowStore>();
            Console.WriteLine($"store opened (schema {await ScalarAsync(database, "select max(version) from servicessync_schema")}) in {opened.Elapsed.TotalSeconds:0.0} s");

            // The newest run was created a minute ago; the prune cut-off is "now" minus the retention.
            var now = DateTimeOffset.UtcNow;
            var start = now - History;
            if (reuse is null)
            {
                var seeded = Stopwatch.StartNew();
                await BigStoreSeed.RunAsync(database, instances, entries, start, History / instances);
                Console.WriteLine($"seeded in {seeded.Elapsed.TotalSeconds:0} s");

                // What autovacuum reaches on a store of this age: statistics, and a visibility map
                // that lets index-only scans skip the heap.
                var vacuumed = Stopwatch.StartNew();
                await ExecuteAsync(database, "vacuum (analyze) instances, journal, dead_letters");
                Console.WriteLine($"vacuum analyze in {vacuumed.Elapsed.TotalSeconds:0} s");
            }
            else
            {
                await ExecuteAsync(database, "analyze instances, journal, dead_letters");
                start = new DateTimeOffset((long)(await ScalarAsync(database, "select min(created_at) from instances"))!, TimeSpan.Zero);
                now = start + History;
            }

            await ReportSizesAsync(database);
            var cases = BigStoreCases.Create(store, start, History, instances, now - Retention);
            Console.WriteLine();
            Console.WriteLine("case | calls | p50 ms | p99 ms | max ms | rows | total");
            foreach (var c in cases)
            {
                var (latencies, result) = await MeasureAsync(c, c.Writes ? Math.Min(iterations, 30) : iterations);
                Console.WriteLine($"{c.Name} | {latencies.Count} | {Percentile(latencies, 0.50):0.00} | {Percentile(latencies, 0.99):0.00} | {latencies[^1]:0.00} | {result}");
            }

            if (Option(args, "--server-log") is { } log)
            {
                await ExplainAsync(new ServerLogPlans(log), database, start, instances, now - Retention);
            }
        }
        finally
        {
            if (!keep)
            {
                await ExecuteAsync(server, $"drop database if exists {name} with (force)");
            }
            else
            {
                Console.WriteLine($"kept database {name} (drop it with: drop database {name} with (force))");
            }
        }

        return 0;
    }

    /// <summary>One warm-up call, then <paramref name="calls"/> timed ones in a row; latencies sorted.</summary>
    private static async Task<(List<double> Latencies, string Result)> MeasureAsync(BigStoreCase c, int calls)
    {
        var result = await c.Run(0);
        var latencies = new List<double>(calls);
        for (var i = 1; i <= calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            result = await c.Run(i);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        latencies.Sort();
        return (latencies, result);
    }

    private static async Task ReportSizesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            select c.relname, c.reltuples::bigint, pg_size_pretty(pg_table_size(c.oid)), pg_size_pretty(pg_indexes_size(c.oid))
            from pg_class c where c.relname in ('instances', 'journal', 'dead_letters') order by 1
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine($"{reader.GetString(0)}: ~{reader.GetInt64(1):N0} rows, table {reader.GetString(2)}, indexes {reader.GetString(3)}");
        }

        await reader.CloseAsync();
        await using var total = new NpgsqlCommand("select pg_size_pretty(pg_database_size(current_database()))", connection);
        Console.WriteLine($"database: {await total.ExecuteScalarAsync()}");
    }

    /// <summary>Every case once more, on a store whose sessions log their plans (auto_explain), each followed by its plans.</summary>
    private static async Task ExplainAsync(ServerLogPlans plans, string database, DateTimeOffset start, long instances, DateTimeOffset pruneBefore)
    {
        var explaining = new NpgsqlConnectionStringBuilder(database) { Options = ServerLogPlans.ConnectionOptions }.ConnectionString;
        await using var provider = new ServiceCollection()
            .AddPostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = explaining, StatementTimeout = TimeSpan.FromMinutes(10) })
            .BuildServiceProvider();
        foreach (var c in BigStoreCases.Create(provider.GetRequiredService<IWorkflowStore>(), start, History, instances, pruneBefore))
        {
            var result = "";
            var logged = await plans.RecordAsync(async () => result = await c.Run(int.MaxValue / 2));
            Console.WriteLine();
            Console.WriteLine($"## {c.Name} → {result}");
            Console.WriteLine(logged);
        }
    }

    private static Task<object?> ScalarAsync(string connectionString, string sql) => PostgreSqlBenchDatabase.ScalarAsync(connectionString, sql);

    private static Task ExecuteAsync(string connectionString, string sql) => PostgreSqlBenchDatabase.ExecuteAsync(connectionString, sql, timeoutSeconds: 0);

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at > 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
