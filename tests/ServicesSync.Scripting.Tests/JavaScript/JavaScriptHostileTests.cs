using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Scripting.Tests.JavaScript;

/// <summary>
/// The hostile corpus for JavaScript: every case is stopped with a clear, non-retryable error
/// naming the workflow and activity, and the same runner serves a normal script afterwards.
/// </summary>
public sealed class JavaScriptHostileTests
{
    private readonly ServicesSync.Scripting.JavaScript.JavaScriptRunner runner = ScriptHarness.JavaScript();

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;) {}")]
    [InlineData("do {} while (true);")]
    [InlineData("for (;;) { try { for (;;) {} } catch (e) {} }")]
    public void Run_InfiniteLoop_StopsWithABudgetError(string code)
    {
        var error = runner.Fails(code);

        AssertStopped(error, "budget");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_AsyncInfiniteLoop_StopsWithABudgetError()
    {
        var error = runner.Fails("const spin = async () => { while (true) { await null; } }; spin(); return 1;");

        AssertStopped(error, "budget");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_InfiniteRecursion_StopsAtTheRecursionLimit()
    {
        var error = runner.Fails("const f = n => f(n + 1); return f(0);");

        AssertStopped(error, "recursion limit of 100");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_GrowingArray_StopsAtTheMemoryBudget()
    {
        var error = runner.Fails("const a = []; while (true) a.push('x'.repeat(10000) + a.length);");

        AssertStopped(error, "memory budget");
        AssertHostSurvives();
    }

    [Theory]
    [InlineData("return new Array(2 ** 30).length;")]
    [InlineData("return new Array(200000).fill(0).length;")]
    public void Run_HugeArrayInOneStep_IsStopped(string code)
    {
        var error = runner.Fails(code);

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.False(error.Retryable);
        AssertHostSurvives();
    }

    [Fact]
    public void Run_HugeStringInOneStep_IsRefusedAtTheStringLengthLimit()
    {
        var error = runner.Fails("return 'x'.repeat(2 ** 29).length;");

        AssertStopped(error, "more than its limit of 1000000 (Limits.MaxStringLength)");
        AssertHostSurvives();
    }

    [Theory]
    [InlineData("ArrayBuffer")]
    [InlineData("SharedArrayBuffer")]
    [InlineData("Uint8Array")]
    [InlineData("Atomics")]
    [InlineData("WeakRef")]
    [InlineData("FinalizationRegistry")]
    [InlineData("ShadowRealm")]
    public void Run_BulkAllocationAndStatefulGlobals_AreAbsent(string global)
    {
        Assert.Equal("undefined", runner.Run($"return typeof {global};")!.GetValue<string>());
    }

    [Fact]
    public void Run_CatastrophicRegex_StopsAtTheRegexTimeout()
    {
        var error = runner.Fails("return /^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');");

        AssertStopped(error, "regular expression");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_ObjectPrototypePollution_IsRefusedAndInvisibleToTheNextRun()
    {
        var error = runner.Fails("Object.prototype.polluted = 1; return 1;");

        Assert.Contains("TypeError", error.Message, StringComparison.Ordinal);
        Assert.Equal("undefined", runner.Run("return typeof ({}).polluted;")!.GetValue<string>());
    }

    [Fact]
    public void Run_ArrayMapOverride_IsRefusedAndTheNextRunSeesTheRealMap()
    {
        runner.Fails("Array.prototype.map = function () { return 'hijacked'; }; return 1;");

        Assert.Equal("[2,4]", runner.Run("return [1, 2].map(x => x * 2);")!.ToJsonString());
    }

    [Fact]
    public void Run_GlobalVariable_IsRefusedAndInvisibleToTheNextRun()
    {
        runner.Fails("globalThis.leak = 'secret'; return 1;");

        Assert.Equal("undefined", runner.Run("return typeof leak;")!.GetValue<string>());
    }

    [Fact]
    public void Run_RegExpLegacyStatics_DoNotCarryTheLastMatchIntoTheNextRun()
    {
        runner.Run("/(secret)/.exec('a secret'); return 1;");

        Assert.Equal("undefined", runner.Run("return typeof RegExp.$1 + typeof RegExp.lastMatch;")!.GetValue<string>()[..9]);
    }

    [Fact]
    public void Run_AssignmentToAnOwnToString_StillWorksOnOrdinaryObjects()
    {
        Assert.Equal("x", runner.Run("const o = {}; o.toString = () => 'x'; return String(o);")!.GetValue<string>());
    }

    [Theory]
    [InlineData("return eval('1 + 1');")]
    [InlineData("return new Function('return 1')();")]
    [InlineData("return (function(){}).constructor('return 1')();")]
    public void Run_StringCompilation_IsDisabled(string code)
    {
        var error = runner.Fails(code);

        Assert.Equal(ErrorKind.Permanent, error.Kind);
        Assert.Contains("String compilation has been disabled", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("require('fs').readFileSync('/etc/passwd')")]
    [InlineData("process.env.HOME")]
    [InlineData("importNamespace('System.IO').File.ReadAllText('/etc/passwd')")]
    [InlineData("System.Environment.GetEnvironmentVariable('HOME')")]
    [InlineData("fetch('http://127.0.0.1/')")]
    [InlineData("new XMLHttpRequest()")]
    [InlineData("host.Exit(1)")]
    [InlineData("setTimeout(() => {}, 1)")]
    public void Run_HostAccess_DoesNotExist(string call)
    {
        var error = runner.Fails($"return {call};");

        Assert.Equal(ErrorKind.Permanent, error.Kind);
        Assert.Contains("ReferenceError", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CodeThatClosesTheWrapper_IsRejectedAtValidation()
    {
        var diagnostics = runner.CheckScript("}); globalThis.x = 1; (function () {");

        var problem = Assert.Single(diagnostics);
        Assert.Contains("closes more braces", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExpressionThatIsTwoStatements_IsRejectedAtValidation()
    {
        var diagnostics = runner.Check(Snippets.SnippetKind.Expression, "1); while (true) {} (2");

        Assert.Contains("Not a single JavaScript expression", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BatchDeadline_StopsEvenThoughEachCallIsWithinItsOwnTimeout()
    {
        using var batch = ScriptBudget.BeginBatch(TimeSpan.FromMilliseconds(300));
        ServicesSyncException? error = null;
        for (var i = 0; i < 50 && error is null; i++)
        {
            try
            {
                runner.Run("const end = Date.now(); let n = 0; for (let i = 0; i < 150000; i++) n += i; return n;");
            }
            catch (ServicesSyncException ex)
            {
                error = ex;
            }
        }

        Assert.NotNull(error);
        Assert.Contains("exceeded the batch time budget of 300 ms", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Cancelled_StopsWithACancelledError()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var error = await Assert.ThrowsAsync<ServicesSyncException>(async () =>
            await runner.RunAsync(Snippets.SnippetKind.Script, "while (true) {}", ScriptHarness.Scope(), cancellation.Token));

        Assert.True(error.Kind is ErrorKind.Cancelled or ErrorKind.Validation);
    }

    private static void AssertStopped(ServicesSyncException error, string expected)
    {
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.False(error.Retryable);
        Assert.Contains("Workflow 'approved-time', activity 'map': the javascript script", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private void AssertHostSurvives()
        => Assert.Equal("3", runner.Run("return input.a + 2;", JsonNode.Parse("""{"a":1}"""))!.ToJsonString());
}
