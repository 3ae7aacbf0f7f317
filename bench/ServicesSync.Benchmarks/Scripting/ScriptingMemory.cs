using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Benchmarks.Scripting;

/// <summary>
/// Resident memory while compiling distinct C# snippets and unloading them: the leak test
/// (Roslyn scripting grew to ~2 GB after 100 compiles). Prints one line per stage.
/// </summary>
internal static class ScriptingMemory
{
    private const int Round = 1000;

    public static int Run()
    {
        var options = ScriptingFixture.Options();
        options.CSharpMemoryCacheSize = 100;
        var runner = ScriptingFixture.CSharp(options);
        var input = ScriptingFixture.Record(1);

        // One compile first: the compiler's own code and the framework references are a fixed cost.
        Compile(runner, input, 0, 1);
        runner.Cache.Clear();
        var start = Resident();
        Console.WriteLine($"start (compiler warm)            {Mb(start),8:F1} MB  managed heap {Mb(GC.GetTotalMemory(false)),6:F1} MB");

        var contexts = Compile(runner, input, 1, Round);
        runner.Cache.Clear();
        var afterFirst = Resident();
        Console.WriteLine($"after {Round} distinct compiles      {Mb(afterFirst),8:F1} MB  ({Mb(afterFirst - start):+0.0;-0.0} MB)  managed heap {Mb(GC.GetTotalMemory(false)),6:F1} MB  contexts still alive: {contexts.Count(c => c.IsAlive)}/{contexts.Count}");

        Compile(runner, input, 1 + Round, Round);
        runner.Cache.Clear();
        var afterSecond = Resident();
        Console.WriteLine($"after {2 * Round} distinct compiles      {Mb(afterSecond),8:F1} MB  ({Mb(afterSecond - afterFirst):+0.0;-0.0} MB over the second {Round})  managed heap {Mb(GC.GetTotalMemory(false)),6:F1} MB");
        Console.WriteLine($"compilations: {runner.Compiler.Compilations}");
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> Compile(CSharpRunner runner, JsonNode input, int from, int count)
    {
        var contexts = new List<WeakReference>(count);
        var scope = ScriptingFixture.Scope(input);
        for (var i = from; i < from + count; i++)
        {
            var code = ScriptingFixture.CSharpMapping.Replace("3600", (3600 + i).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            runner.RunAsync(SnippetKind.Script, code, scope, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            contexts.Add(runner.Cache.Get(SnippetKind.Script, code).Snippet!.ContextReference);
        }

        return contexts;
    }

    private static long Resident()
    {
        for (var i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // Aggressive also hands free GC regions back to the OS, so the working set shows what is retained.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.WorkingSet64;
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
