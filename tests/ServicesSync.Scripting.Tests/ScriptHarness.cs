using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.JavaScript;
using ServicesSync.Scripting.Snippets;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests;

/// <summary>Runners wired by hand with small limits, a fake clock and a capturing logger.</summary>
internal static class ScriptHarness
{
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    public static ScriptingOptions SmallLimits() => new()
    {
        Limits = new ScriptLimits
        {
            Timeout = TimeSpan.FromMilliseconds(500),
            MaxStatements = 2_000_000,
            MaxMemoryBytes = 32L * 1024 * 1024,
            MaxRecursionDepth = 100,
            MaxArraySize = 100_000,
            MaxStringLength = 1_000_000,
            MaxResultSize = 1_000_000,
            RegexTimeout = TimeSpan.FromMilliseconds(100),
        },
        JavaScriptEnginePoolSize = 2,
    };

    public static JavaScriptRunner JavaScript(ScriptingOptions? options = null, IScriptCrossReferences? crossReferences = null)
        => new(options ?? SmallLimits(), crossReferences ?? UnavailableCrossReferences.Instance, NullLoggerFactory.Instance);

    public static CSharpRunner CSharp(ScriptingOptions? options = null, IScriptCrossReferences? crossReferences = null)
        => new(options ?? SmallLimits(), crossReferences ?? UnavailableCrossReferences.Instance, NullLoggerFactory.Instance);

    public static ExpressionScope Scope(JsonNode? input = null, CapturingLogger? logger = null, IReadOnlyDictionary<string, JsonNode?>? variables = null, string workflowId = "approved-time") => new()
    {
        Input = input,
        Variables = variables ?? new Dictionary<string, JsonNode?> { ["rateCardId"] = "standard-2026", ["roundingMinutes"] = 15 },
        WorkflowId = workflowId,
        InstanceId = "instance-7",
        ActivityId = "map",
        Clock = Clock,
        Logger = logger ?? new CapturingLogger(),
    };

    public static JsonNode? Run(this ISnippetRunner runner, string code, JsonNode? input = null, CapturingLogger? logger = null)
        => runner.RunAsync(SnippetKind.Script, code, Scope(input, logger), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public static JsonNode? Eval(this ISnippetRunner runner, string code, JsonNode? input = null)
        => runner.RunAsync(SnippetKind.Expression, code, Scope(input), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Runs a script that must fail, and returns the error it failed with.</summary>
    public static ServicesSyncException Fails(this ISnippetRunner runner, string code, JsonNode? input = null, CapturingLogger? logger = null)
        => Assert.Throws<ServicesSyncException>(() => runner.Run(code, input, logger));

    public static IReadOnlyList<ExpressionDiagnostic> CheckScript(this ISnippetRunner runner, string code)
        => runner.Check(SnippetKind.Script, code);
}
