using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>
/// Cost of the engine per activity: a run of a manual trigger plus N no-op activities, on the
/// in-memory store and on LiteDB (every step journaled). Per-activity overhead is the slope
/// between the 1-step and the 10-step chain, so the per-run fixed cost (create, start, wait)
/// is not counted in it.
/// </summary>
[MemoryDiagnoser]
public class EngineOverheadBenchmarks
{
    private static readonly JsonObject Message = new() { ["worker"] = "W-1", ["hours"] = 7.5 };
    private BenchRuntime runtime = null!;

    [Params(false, true)]
    public bool LiteDb { get; set; }

    [Params(1, 10)]
    public int Steps { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        runtime = new BenchRuntime(LiteDb);
        runtime.PublishAsync(BenchRuntime.Chain("chain", Steps)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task Run() => runtime.RunOnceAsync("chain", Message);
}
