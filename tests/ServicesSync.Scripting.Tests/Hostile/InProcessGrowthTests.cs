using System.Diagnostics;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Scripting.Tests.Hostile;

/// <summary>Growing built-ins and huge results, in process: each stops fast, naming its limit.</summary>
public sealed class InProcessGrowthTests
{
    [Theory]
    [MemberData(nameof(GrowthCorpus.JavaScript), MemberType = typeof(GrowthCorpus))]
    public void JavaScriptGrowth_IsStoppedNamingTheLimit(string code, string limit)
        => AssertStopped(ScriptHarness.JavaScript(), code, limit, "return input.a + 2;");

    [Theory]
    [MemberData(nameof(GrowthCorpus.CSharp), MemberType = typeof(GrowthCorpus))]
    public void CSharpGrowth_IsStoppedNamingTheLimit(string code, string limit)
        => AssertStopped(ScriptHarness.CSharp(), code, limit, "return (int)Input[\"a\"] + 2;");

    internal static void AssertStopped(Snippets.ISnippetRunner runner, string code, string limit, string healthy)
    {
        var before = Process.GetCurrentProcess().WorkingSet64;
        var watch = Stopwatch.StartNew();

        var error = runner.Fails(code);

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.True(error.Kind is ErrorKind.Validation, $"{error.Kind}: {error.Message}");
        Assert.False(error.Retryable);
        Assert.True(error.Message.Contains(limit, StringComparison.Ordinal), error.Message);
        Assert.InRange(Process.GetCurrentProcess().WorkingSet64 - before, long.MinValue, 1L << 30);
        Assert.Equal("3", runner.Run(healthy, JsonNode.Parse("""{"a":1}"""))!.ToJsonString());
    }
}
