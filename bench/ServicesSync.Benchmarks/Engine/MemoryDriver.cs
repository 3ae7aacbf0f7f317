using System.Diagnostics;
using System.Text.Json.Nodes;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>
/// Resident memory over 100,000 completed runs (5 activities, LiteDB, 8 callers) with retention
/// pruning finished runs as it goes; prints the working set after a full GC every 10,000 runs.
/// Usage: <c>dotnet run -c Release --project bench/ServicesSync.Benchmarks -- memory [runs]</c>.
/// </summary>
internal static class MemoryDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        const int Callers = 8;
        const int Slice = 10_000;
        await using var runtime = new BenchRuntime(liteDb: true, o =>
        {
            o.DefaultRetry = null;
            o.Retention = TimeSpan.Zero;
        });
        await runtime.PublishAsync(BenchRuntime.Chain("five", 4));
        var message = new JsonObject { ["worker"] = "W-1", ["hours"] = 7.5 };
        Console.WriteLine("runs | working set MB | managed heap MB | store file MB");
        Report(runtime, 0);
        for (var done = 0; done < total; done += Slice)
        {
            var next = 0;
            await Task.WhenAll(Enumerable.Range(0, Callers).Select(async _ =>
            {
                while (Interlocked.Increment(ref next) <= Slice)
                {
                    await runtime.RunOnceAsync("five", message);
                }
            }));
            await runtime.Engine.PruneAsync(CancellationToken.None);
            Report(runtime, done + Slice);
        }

        return 0;
    }

    private static void Report(BenchRuntime runtime, int runs)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var self = Process.GetCurrentProcess();
        var file = new FileInfo(Path.Combine(runtime.DataDirectory!, "servicessync.db")).Length;
        Console.WriteLine($"{runs,6} | {self.WorkingSet64 / 1048576.0,14:0.0} | {GC.GetTotalMemory(false) / 1048576.0,15:0.0} | {file / 1048576.0,13:0.0}");
    }
}
