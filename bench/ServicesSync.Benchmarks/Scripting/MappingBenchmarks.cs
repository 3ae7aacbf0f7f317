using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ServicesSync.Expressions;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.JavaScript;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Benchmarks.Scripting;

/// <summary>One 10-field object-to-object mapping per call, warm: hand-written C#, C# snippet, JavaScript snippet.</summary>
[Config(typeof(ScriptingBenchmarkConfig))]
public class MappingBenchmarks
{
    private readonly JsonNode input = ScriptingFixture.Record(1);
    private JavaScriptRunner javaScript = null!;
    private CSharpRunner cSharp = null!;
    private ExpressionScope scope = null!;

    [GlobalSetup]
    public void Setup()
    {
        javaScript = ScriptingFixture.JavaScript();
        cSharp = ScriptingFixture.CSharp();
        scope = ScriptingFixture.Scope(input);
        JavaScriptSnippet().AsTask().GetAwaiter().GetResult();
        CSharpSnippet().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public JsonNode HandWrittenCSharp() => ScriptingFixture.HandWritten(input, ScriptingFixture.Variables);

    [Benchmark]
    public ValueTask<JsonNode?> CSharpSnippet()
        => cSharp.RunAsync(SnippetKind.Script, ScriptingFixture.CSharpMapping, scope, CancellationToken.None);

    [Benchmark]
    public ValueTask<JsonNode?> JavaScriptSnippet()
        => javaScript.RunAsync(SnippetKind.Script, ScriptingFixture.JavaScriptMapping, scope, CancellationToken.None);
}
