using BenchmarkDotNet.Attributes;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Benchmarks.Scripting;

/// <summary>
/// C# compile cost in a warm process (each invocation compiles a snippet never seen before: parse,
/// bind, allowlist, instrument, emit, load) and the cost of a restart that finds the snippet in the
/// on-disk cache (a new runner, as after a restart, loading instead of compiling).
/// </summary>
[Config(typeof(ScriptingBenchmarkConfig))]
public class CompileBenchmarks
{
    private readonly string cacheDirectory = Path.Combine(Path.GetTempPath(), "servicessync-bench-scripts-" + Environment.ProcessId);
    private CSharpRunner warm = null!;
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        warm = ScriptingFixture.CSharp();
        warm.Check(SnippetKind.Script, ScriptingFixture.CSharpMapping);
        var first = ScriptingFixture.CSharp(ScriptingFixture.Options(cacheDirectory));
        first.Check(SnippetKind.Script, ScriptingFixture.CSharpMapping);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(cacheDirectory))
        {
            Directory.Delete(cacheDirectory, recursive: true);
        }
    }

    [Benchmark]
    public int FirstCompileInAWarmProcess()
    {
        // A distinct snippet each time, so nothing is cached; unloaded right away so memory stays flat.
        var code = ScriptingFixture.CSharpMapping.Replace("3600", (3600 + Interlocked.Increment(ref next)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var diagnostics = warm.Check(SnippetKind.Script, code).Count;
        warm.Cache.Clear();
        return diagnostics;
    }

    [Benchmark]
    public int RestartWithDiskCache()
    {
        var restarted = ScriptingFixture.CSharp(ScriptingFixture.Options(cacheDirectory));
        restarted.Check(SnippetKind.Script, ScriptingFixture.CSharpMapping);
        if (restarted.Compiler.Compilations != 0)
        {
            throw new InvalidOperationException("A restart with the disk cache compiled the snippet again.");
        }

        restarted.Cache.Clear();
        return restarted.Cache.DiskLoads;
    }
}
