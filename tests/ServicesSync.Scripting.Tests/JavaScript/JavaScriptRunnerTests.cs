using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Scripting.JavaScript;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests.JavaScript;

public sealed class JavaScriptRunnerTests
{
    private readonly JavaScriptRunner runner = ScriptHarness.JavaScript();

    [Fact]
    public void Eval_InputPath_ReturnsTheValue()
    {
        Assert.Equal("\"acc-1\"", runner.Eval("input.author.accountId", JsonNode.Parse("""{"author":{"accountId":"acc-1"}}"""))!.ToJsonString());
    }

    [Fact]
    public void Eval_Variable_ReturnsTheVariable()
    {
        Assert.Equal("15", runner.Eval("vars.roundingMinutes")!.ToJsonString());
    }

    [Fact]
    public void Run_Context_ExposesIdsAndTheWorkflowClock()
    {
        var result = runner.Run("return { w: ctx.workflowId, i: ctx.instanceId, a: ctx.activityId, now: ctx.now, sameClock: Date.now() === ctx.now.getTime() };");

        Assert.Equal("""{"w":"approved-time","i":"instance-7","a":"map","now":"2026-01-05T09:00:00Z","sameClock":true}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_Log_WritesToTheActivityLoggerWithIds()
    {
        var logger = new CapturingLogger();

        runner.Run("log.info('hello'); ctx.log.error({ code: 7 }); return 1;", logger: logger);

        Assert.Collection(
            logger.Entries,
            e => Assert.Equal(("hello", Microsoft.Extensions.Logging.LogLevel.Information), ((string)e.Property("ScriptMessage")!, e.Level)),
            e => Assert.Equal(("""{"code":7}""", Microsoft.Extensions.Logging.LogLevel.Error), ((string)e.Property("ScriptMessage")!, e.Level)));
        Assert.Equal("map", logger.Entries[0].Property("ActivityId"));
    }

    [Fact]
    public void Run_CrossReferenceLookup_SaysItIsNotAvailableYet()
    {
        var error = runner.Fails("return ctx.xref.find('worker', 'bamboohr', '42', 'netsuite');");

        Assert.Contains("Cross-reference lookups are not available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SyntaxError_IsReportedAtTheUsersLineAndColumn()
    {
        var diagnostic = Assert.Single(runner.CheckScript("const a = 1;\nreturn a +;"));

        Assert.Equal((2, 11), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Check_StrictModeError_IsFoundAtValidation()
    {
        Assert.Single(runner.CheckScript("with (input) { return a; }"));
    }

    [Fact]
    public void Run_RuntimeError_NamesWorkflowActivityLanguageLineAndColumn()
    {
        var error = runner.Fails("const a = 1;\nreturn input.missing.x;", JsonNode.Parse("{}"));

        Assert.Equal(ErrorKind.Permanent, error.Kind);
        Assert.False(error.Retryable);
        Assert.Equal("Workflow 'approved-time', activity 'map': the javascript script failed at line 2, column 22: TypeError: Cannot read properties of undefined (reading 'x')", error.Message);
    }

    [Fact]
    public void Run_ThrownString_BecomesTheMessage()
    {
        Assert.EndsWith(": no rate card", runner.Fails("throw 'no rate card';").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_WithoutReturn_OutputsNull()
    {
        Assert.Null(runner.Run("const a = 1;"));
    }

    [Fact]
    public void Run_SameSnippetManyTimes_ReusesEngines()
    {
        for (var i = 0; i < 20; i++)
        {
            runner.Run("return 1;");
        }

        Assert.Equal(1, runner.Pool.Created);
    }
}
