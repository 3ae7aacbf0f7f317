using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Persistence.PostgreSql;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>
/// Load driver: completed runs per second of a 5-activity workflow (trigger + 4 no-ops), every
/// step journaled, with 1, 8 and 64 callers each starting a run and waiting for its end. On
/// LiteDB alone, or with <c>--postgres</c> on LiteDB and PostgreSQL alternately (A B A B at each
/// level, a fresh store each time) so both see the same machine load.
/// Usage: <c>dotnet run -c Release --project bench/ServicesSync.Benchmarks -- throughput [seconds] [--postgres CONNECTION] [--callers 1,8,64]</c>.
/// </summary>
internal static class ThroughputDriver
{
    private const int Rounds = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var postgres = Option(args, "--postgres");
        var levels = Option(args, "--callers")?.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray() ?? [1, 8, 64];
        var seconds = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        Console.WriteLine($"5-activity workflow, {seconds} s per level, {Environment.ProcessorCount} cores");
        if (postgres is null)
        {
            Console.WriteLine("callers | runs/s | p50 ms | p99 ms");
            foreach (var callers in levels)
            {
                await using var runtime = new BenchRuntime(liteDb: true, o => o.DefaultRetry = null);
                var (rate, p50, p99, _) = await MeasureLevelAsync(runtime, callers, seconds);
                Console.WriteLine($"{callers,7} | {rate,6:0} | {p50,6:0.00} | {p99,6:0.00}");
            }

            return 0;
        }

        if (!await PostgreSqlBenchDatabase.FsyncAsync(postgres))
        {
            Console.Error.WriteLine("This PostgreSQL server runs with fsync off: its commits are not durable, so its numbers are not comparable.");
            return 1;
        }

        // The server's figures count the warm-up too: its counters are read around the whole
        // life of the store, after its sessions have ended, which is what makes them exact.
        // CPU per run (startup, warm-up and JIT included): the runtime's is this process's time around
        // the store's life, the server's that of its processes on this machine (blank when remote).
        Console.WriteLine("callers | round | store      | runs/s | p50 ms | p99 ms | PG xacts/run | runs/WAL fsync | WAL kB/run | CPU ms/run runtime | server");
        foreach (var callers in levels)
        {
            for (var round = 1; round <= Rounds; round++)
            {
                var cpuBefore = ProcessCpu();
                int liteRuns;
                await using (var liteDb = new BenchRuntime(liteDb: true, o => o.DefaultRetry = null))
                {
                    var (rate, p50, p99, runs) = await MeasureLevelAsync(liteDb, callers, seconds);
                    liteRuns = runs;
                    Console.Write($"{callers,7} | {round,5} | LiteDB     | {rate,6:0} | {p50,6:0.00} | {p99,6:0.00} |              |                |            |");
                }

                Console.WriteLine($" {PerRun(ProcessCpu() - cpuBefore, liteRuns),18} |");
                await using var database = await PostgreSqlBenchDatabase.CreateAsync(postgres);
                var postmaster = await database.PostmasterPidAsync();
                var (_, syncsBefore, bytesBefore) = await database.CountersAsync();
                var serverBefore = postmaster is { } before ? ServerCpu.Read(before) : null;
                cpuBefore = ProcessCpu();
                double pgRate, pgP50, pgP99;
                int pgRuns;
                await using (var pg = new BenchRuntime(new PostgreSqlStoreOptions { ConnectionString = database.ConnectionString }, o => o.DefaultRetry = null))
                {
                    (pgRate, pgP50, pgP99, pgRuns) = await MeasureLevelAsync(pg, callers, seconds);
                }

                var runtimeCpu = ProcessCpu() - cpuBefore;
                var (transactions, syncsAfter, bytesAfter) = await database.CountersAsync();
                var serverCpu = postmaster is { } after ? ServerCpu.Read(after) - serverBefore : null;
                Console.WriteLine(
                    $"{callers,7} | {round,5} | PostgreSQL | {pgRate,6:0} | {pgP50,6:0.00} | {pgP99,6:0.00} | {transactions / (double)pgRuns,12:0.0} | {pgRuns / (double)(syncsAfter - syncsBefore),14:0.00} | {(bytesAfter - bytesBefore) / 1024.0 / pgRuns,10:0.0} | {PerRun(runtimeCpu, pgRuns),18} | {PerRun(serverCpu, pgRuns),6}");
            }
        }

        return 0;
    }

    /// <summary>Starts the host's background services, publishes the workflow, warms up for a second, then measures; runs counts the warm-up too.</summary>
    private static async Task<(double RunsPerSecond, double P50, double P99, int Runs)> MeasureLevelAsync(BenchRuntime runtime, int callers, int seconds)
    {
        await runtime.StartHostedServicesAsync();
        await runtime.PublishAsync(BenchRuntime.Chain("five", 4));
        var (warmUp, _) = await MeasureAsync(runtime, callers, TimeSpan.FromSeconds(1));
        var (runs, latencies) = await MeasureAsync(runtime, callers, TimeSpan.FromSeconds(seconds));
        latencies.Sort();
        return (runs / (double)seconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), warmUp + runs);
    }

    private static async Task<(int Runs, List<double> Latencies)> MeasureAsync(BenchRuntime runtime, int callers, TimeSpan duration)
    {
        var message = new JsonObject { ["worker"] = "W-1", ["hours"] = 7.5 };
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[callers];
        var workers = Enumerable.Range(0, callers).Select(async caller =>
        {
            var own = latencies[caller] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var started = Stopwatch.GetTimestamp();
                await runtime.RunOnceAsync("five", message);
                own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, all);
    }

    private static TimeSpan ProcessCpu() => Process.GetCurrentProcess().TotalProcessorTime;

    private static string PerRun(TimeSpan? cpu, int runs)
        => cpu is { } time && runs > 0 ? (time.TotalMilliseconds / runs).ToString("0.00", CultureInfo.InvariantCulture) : "";

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at > 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
