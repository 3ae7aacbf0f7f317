using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>
/// Load driver: completed runs per second of a 5-activity workflow (trigger + 4 no-ops) on LiteDB,
/// every step journaled, with 1, 8 and 64 callers each starting a run and waiting for its end.
/// Usage: <c>dotnet run -c Release --project bench/ServicesSync.Benchmarks -- throughput [seconds]</c>.
/// </summary>
internal static class ThroughputDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
        Console.WriteLine($"5-activity workflow, LiteDB store, {seconds} s per level, {Environment.ProcessorCount} cores");
        Console.WriteLine("callers | runs/s | p50 ms | p99 ms");
        foreach (var callers in new[] { 1, 8, 64 })
        {
            await using var runtime = new BenchRuntime(liteDb: true, o => o.DefaultRetry = null);
            await runtime.PublishAsync(BenchRuntime.Chain("five", 4));
            await MeasureAsync(runtime, callers, TimeSpan.FromSeconds(1));
            var (runs, latencies) = await MeasureAsync(runtime, callers, TimeSpan.FromSeconds(seconds));
            latencies.Sort();
            Console.WriteLine($"{callers,7} | {runs / (double)seconds,6:0} | {Percentile(latencies, 0.50),6:0.00} | {Percentile(latencies, 0.99),6:0.00}");
        }

        return 0;
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

    private static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
