using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ServicesSync.Benchmarks.Scripting;

/// <summary>
/// Short in-process runs: the machine is small and shared, so the numbers are indicative and the
/// report says so; in-process keeps the runners' internals reachable without a generated project.
/// </summary>
public sealed class ScriptingBenchmarkConfig : ManualConfig
{
    public ScriptingBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
