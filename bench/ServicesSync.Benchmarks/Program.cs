using BenchmarkDotNet.Running;
using ServicesSync.Benchmarks.Engine;

// BenchmarkDotNet suites by default; console load drivers by name.
return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputDriver.RunAsync(args),
    "memory" => await MemoryDriver.RunAsync(args),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(EngineOverheadBenchmarks).Assembly).Run(args);
    return 0;
}
