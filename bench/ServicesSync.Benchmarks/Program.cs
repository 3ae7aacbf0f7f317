using BenchmarkDotNet.Running;
using ServicesSync.Benchmarks.Engine;
using ServicesSync.Benchmarks.Scripting;

// Console load drivers by name; everything else goes to BenchmarkDotNet
// (e.g. `--filter *EngineOverhead*`, `--filter *Scripting*`).
return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputDriver.RunAsync(args),
    "memory" => await MemoryDriver.RunAsync(args),
    "scripting-memory" => ScriptingMemory.Run(),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineOverheadBenchmarks).Assembly).Run(args);
    return 0;
}
