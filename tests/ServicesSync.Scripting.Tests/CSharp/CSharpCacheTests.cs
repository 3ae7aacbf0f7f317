using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Tests.CSharp;

public sealed class CSharpCacheTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "servicessync-scripts-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Run_UnchangedSnippet_IsCompiledOnce()
    {
        var runner = ScriptHarness.CSharp();
        const string code = "return (int)Input[\"n\"] * 2;";

        runner.Check(SnippetKind.Script, code);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("6", runner.Run(code, JsonNode.Parse("""{"n":3}"""))!.ToJsonString());
        }

        Assert.Equal(1, runner.Compiler.Compilations);
    }

    [Fact]
    public void Check_InvalidSnippet_IsCompiledOnceAndItsDiagnosticsRemembered()
    {
        var runner = ScriptHarness.CSharp();

        var first = runner.CheckScript("return undefinedThing;");
        var second = runner.CheckScript("return undefinedThing;");

        Assert.Equal(first, second);
        Assert.Equal(1, runner.Compiler.Compilations);
    }

    [Fact]
    public void Run_AfterRestartWithTheDiskCache_LoadsWithoutCompiling()
    {
        const string code = "return new { doubled = (int)Input[\"n\"] * 2 };";
        var options = ScriptHarness.SmallLimits();
        options.CSharpCacheDirectory = directory;
        var before = ScriptHarness.CSharp(options);
        before.Check(SnippetKind.Script, code);
        Assert.Equal(1, before.Compiler.Compilations);

        var restarted = ScriptHarness.CSharp(options);
        var result = restarted.Run(code, JsonNode.Parse("""{"n":21}"""));

        Assert.Equal("""{"doubled":42}""", result!.ToJsonString());
        Assert.Equal(0, restarted.Compiler.Compilations);
        Assert.Equal(1, restarted.Cache.DiskLoads);
        Assert.Single(Directory.GetFiles(directory, "*.dll"));
    }

    [Fact]
    public void Run_DamagedCacheFile_IsRecompiledAndReplaced()
    {
        const string code = "return 7;";
        var options = ScriptHarness.SmallLimits();
        options.CSharpCacheDirectory = directory;
        ScriptHarness.CSharp(options).Check(SnippetKind.Script, code);
        File.WriteAllText(Directory.GetFiles(directory, "*.dll").Single(), "not an assembly");

        var restarted = ScriptHarness.CSharp(options);

        Assert.Equal("7", restarted.Run(code)!.ToJsonString());
        Assert.Equal(1, restarted.Compiler.Compilations);
    }

    [Fact]
    public void Cache_EvictedSnippets_AreUnloadedAndTheirLoadContextsCollected()
    {
        var options = ScriptHarness.SmallLimits();
        options.CSharpMemoryCacheSize = 10;
        var runner = ScriptHarness.CSharp(options);

        var contexts = CompileDistinct(runner, 40);
        for (var i = 0; i < 10 && contexts.Any(c => c.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        // The 30 least recently used were unloaded; at most the cache's capacity stay loaded.
        Assert.True(contexts.Count(c => c.IsAlive) <= 10, $"{contexts.Count(c => c.IsAlive)} load contexts still alive");
    }

    [Fact]
    public void Clear_UnloadsEverySnippet()
    {
        var runner = ScriptHarness.CSharp();
        var contexts = CompileDistinct(runner, 5);

        runner.Cache.Clear();
        for (var i = 0; i < 10 && contexts.Any(c => c.IsAlive); i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.All(contexts, c => Assert.False(c.IsAlive));
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Not inlined, so no local in the test method keeps a snippet reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static List<WeakReference> CompileDistinct(CSharpRunner runner, int count)
    {
        var contexts = new List<WeakReference>();
        for (var i = 0; i < count; i++)
        {
            var code = $"return {i} + (int)Input[\"n\"];";
            Assert.Equal((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), runner.Run(code, JsonNode.Parse("""{"n":1}"""))!.ToJsonString());
            contexts.Add(runner.Cache.Get(SnippetKind.Script, code).Snippet!.ContextReference);
        }

        return contexts;
    }
}
