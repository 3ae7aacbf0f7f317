using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Scripting.CSharp;
using ServicesSync.Scripting.Snippets;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests.CSharp;

public sealed class CSharpRunnerTests
{
    private static readonly CSharpRunner Runner = ScriptHarness.CSharp();

    [Fact]
    public void Eval_VariableLookup_ReturnsTheVariable()
    {
        Assert.Equal("\"standard-2026\"", Runner.Eval("Vars[\"rateCardId\"]")!.ToJsonString());
    }

    [Fact]
    public void Eval_InputPath_ReturnsTheValue()
    {
        var input = JsonNode.Parse("""{"author":{"accountId":"acc-1"}}""");

        Assert.Equal("\"acc-1\"", Runner.Eval("Input[\"author\"][\"accountId\"]", input)!.ToJsonString());
    }

    [Fact]
    public async Task Run_EditingTheInput_DoesNotChangeTheCallersMessage()
    {
        var input = JsonNode.Parse("""{"a":1}""")!;
        var scope = ScriptHarness.Scope(input);

        var result = await Runner.RunAsync(SnippetKind.Script, "Input[\"a\"] = 2; return Input;", scope, default);

        Assert.Equal("""{"a":2}""", result!.ToJsonString());
        Assert.Equal("""{"a":1}""", input.ToJsonString());
    }

    [Fact]
    public void Check_AssigningAVariable_IsACompileError()
    {
        Assert.Contains("CS0200", Assert.Single(Runner.CheckScript("Vars[\"rateCardId\"] = null; return 1;")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ValuesBuiltInMemory_ConvertLikeParsedOnes()
    {
        var input = new JsonObject { ["n"] = JsonValue.Create(42L), ["at"] = JsonValue.Create("2026-01-05T09:00:00+02:00") };

        var result = Runner.Run("return new { n = (int)Input[\"n\"], offset = ((DateTimeOffset)Input[\"at\"]).Offset.TotalHours };", input);

        Assert.Equal("""{"n":42,"offset":2}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_Context_ExposesIdsTheWorkflowClockAndALogger()
    {
        var logger = new CapturingLogger();

        var result = Runner.Run("Ctx.LogWarning(\"rate missing\"); return new { Ctx.WorkflowId, Ctx.InstanceId, Ctx.ActivityId, Ctx.Now };", logger: logger);

        Assert.Equal("""{"WorkflowId":"approved-time","InstanceId":"instance-7","ActivityId":"map","Now":"2026-01-05T09:00:00Z"}""", result!.ToJsonString());
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, entry.Level);
        Assert.Equal("rate missing", entry.Property("ScriptMessage"));
    }

    [Fact]
    public void Run_LoggingInALoop_IsCappedPerEvaluation()
    {
        var logger = new CapturingLogger();

        Runner.Run("for (var i = 0; i < 1000; i++) { Ctx.LogInformation(\"x\" + i); } return 1;", logger: logger);

        Assert.Equal(ScriptLog.MaxEvents, logger.Entries.Count);
    }

    [Fact]
    public void Check_CompileError_IsReportedAtTheUsersLineAndColumn()
    {
        var diagnostic = Assert.Single(Runner.CheckScript("var x = 1;\nreturn x +;"));

        Assert.Equal(2, diagnostic.Line);
        Assert.Equal(11, diagnostic.Column);
        Assert.StartsWith("CS1525", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnknownName_IsReportedAtItsPosition()
    {
        var diagnostic = Assert.Single(Runner.CheckScript("var total = 1;\n  return totl;"));

        Assert.Equal((2, 10), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Run_RuntimeFault_NamesWorkflowActivityLanguageLineAndColumn()
    {
        var error = Runner.Fails("var x = 1;\nvar f = (int v) => v + 1; return Input[\"missing\"][\"x\"];");

        Assert.Equal(ErrorKind.Permanent, error.Kind);
        Assert.False(error.Retryable);
        Assert.StartsWith("Workflow 'approved-time', activity 'map': the csharp script failed at line 2, column 27: NullReferenceException", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ThrownException_KeepsItsMessageAndNoHostPath()
    {
        var error = Runner.Fails("throw new InvalidOperationException(\"worker has no cost center\");");

        Assert.EndsWith("at line 1, column 1: InvalidOperationException: worker has no cost center", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnconvertibleResult_SaysWhichTypeAndWhatIsAccepted()
    {
        var error = Runner.Fails("return new StringBuilder(\"x\");");

        Assert.Contains("'System.Text.StringBuilder' cannot become JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_LazySequenceResult_RunsUnderTheBudget()
    {
        var error = Runner.Fails("return Enumerable.Range(0, 10).Select(i => { while (true) { } return i; });");

        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CatchInsideTheSnippet_StillWorksForOrdinaryExceptions()
    {
        Assert.Equal("\"caught\"", Runner.Run("try { throw new FormatException(\"x\"); } catch (FormatException) { return \"caught\"; }")!.ToJsonString());
    }

    [Fact]
    public void Run_AllowlistedApis_Work()
    {
        const string code = """
            var words = ((string)Input["text"]).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var counts = words.GroupBy(w => w.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Count());
            var sb = new StringBuilder();
            foreach (var pair in counts.OrderBy(p => p.Key)) { sb.Append(pair.Key).Append('=').Append(pair.Value).Append(';'); }
            return new
            {
                summary = sb.ToString(),
                rounded = Math.Round(2.345m, 2, MidpointRounding.AwayFromZero),
                week = System.Globalization.ISOWeek.GetWeekOfYear(new DateTime(2026, 1, 5)),
                isId = Regex.IsMatch("EMP-042", "^EMP-[0-9]+$"),
                hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("a")))[..8],
                big = System.Numerics.BigInteger.Parse("123456789012345678901234567890") * 2,
            };
            """;

        var result = Runner.Run(code, JsonNode.Parse("""{"text":"a B b c"}"""));

        Assert.Equal("""{"summary":"a=1;b=2;c=1;","rounded":2.35,"week":2,"isId":true,"hash":"CA978112","big":246913578024691357802469135780}""", result!.ToJsonString());
    }

    [Fact]
    public void Options_ExtraAllowedType_CanBeUsedBySnippets()
    {
        var options = ScriptHarness.SmallLimits();
        options.AllowCSharpType(typeof(System.Collections.Immutable.ImmutableArray));
        options.AllowCSharpType(typeof(System.Collections.Immutable.ImmutableArray<>));
        var runner = ScriptHarness.CSharp(options);

        Assert.Empty(runner.CheckScript("return System.Collections.Immutable.ImmutableArray.Create(1, 2).Length;"));
        Assert.NotEmpty(ScriptHarness.CSharp().CheckScript("return System.Collections.Immutable.ImmutableArray.Create(1, 2).Length;"));
    }
}
