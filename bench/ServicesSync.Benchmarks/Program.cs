using BenchmarkDotNet.Running;
using ServicesSync.Benchmarks.Cluster;
using ServicesSync.Benchmarks.Engine;
using ServicesSync.Benchmarks.Scripting;
using ServicesSync.Benchmarks.Store;
using ServicesSync.Benchmarks.Triggers;

// Console load drivers by name; everything else goes to BenchmarkDotNet
// (e.g. `--filter *EngineOverhead*`, `--filter *Scripting*`).
return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputDriver.RunAsync(args),
    "memory" => await MemoryDriver.RunAsync(args),
    "scripting-memory" => ScriptingMemory.Run(),
    "webhook-load" => await WebhookLoadDriver.RunAsync(args),
    "cluster-load" => await ClusterLoadDriver.RunAsync(args),
    "bigstore" => await BigStoreDriver.RunAsync(args),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineOverheadBenchmarks).Assembly).Run(args);
    return 0;
}
