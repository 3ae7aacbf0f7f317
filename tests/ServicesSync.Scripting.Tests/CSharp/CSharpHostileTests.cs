using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Scripting.CSharp;

namespace ServicesSync.Scripting.Tests.CSharp;

/// <summary>
/// The hostile corpus for C#: what the allowlist can see is rejected at validation with the
/// symbol, line and column; what only shows at run time is stopped by the injected guards.
/// Either way the error is clear and non-retryable and the host serves the next snippet.
/// </summary>
public sealed class CSharpHostileTests
{
    private static readonly CSharpRunner Runner = ScriptHarness.CSharp();

    [Theory]
    [InlineData("while (true) { }")]
    [InlineData("for (;;) { }")]
    [InlineData("do { } while (true);")]
    [InlineData("foreach (var i in Enumerable.Range(0, 100000)) { while (true) { } }")]
    [InlineData("for (;;) { try { for (;;) { } } catch { } }")]
    [InlineData("for (;;) { try { for (;;) { } } catch (Exception e) when (e.Message.Length > 0) { } }")]
    [InlineData("Action spin = () => { for (;;) { } }; spin(); return 1;")]
    public void Run_InfiniteLoop_IsStoppedByTheGuard(string code)
    {
        var error = Runner.Fails(code);

        AssertStopped(error, "budget");
        AssertHostSurvives();
    }

    [Theory]
    [InlineData("async System.Threading.Tasks.Task Spin() { while (true) { await System.Threading.Tasks.Task.Yield(); } } Spin(); return 1;")]
    [InlineData("Func<System.Threading.Tasks.Task> spin = async () => { while (true) { } }; spin(); return 1;")]
    public void Check_AsyncInfiniteLoop_IsRejectedAtValidation(string code)
    {
        var diagnostics = Runner.CheckScript(code);

        Assert.Contains(diagnostics, d => d.Message.Contains("'async' is not allowed", StringComparison.Ordinal) && d.Line == 1);
    }

    [Theory]
    [InlineData("int F(int n) => F(n + 1); return F(0);")]
    [InlineData("Func<int, int> f = null; f = n => f(n + 1); return f(0);")]
    public void Run_InfiniteRecursion_StopsAtTheRecursionLimit(string code)
    {
        var error = Runner.Fails(code);

        AssertStopped(error, "recursion limit of 100");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_GrowingList_StopsAtTheMemoryBudget()
    {
        var error = Runner.Fails("var list = new List<string>(); while (true) { list.Add(new string('x', 1000)); }");

        AssertStopped(error, "memory budget");
        Assert.Contains("line 1, column 32", error.Message, StringComparison.Ordinal);
        AssertHostSurvives();
    }

    [Fact]
    public void Run_DoublingString_StopsAtTheStringLimit_BeforeBuildingIt()
    {
        var error = Runner.Fails("var s = \"x\";\nfor (;;) { s += s; }");

        AssertStopped(error, "(Limits.MaxStringLength)");
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        AssertHostSurvives();
    }

    [Theory]
    [InlineData("return new int[int.MaxValue].Length;")]
    [InlineData("var n = int.MaxValue; return new long[n].Length;")]
    [InlineData("return new string('x', 1 << 30).Length;")]
    [InlineData("return \"x\".PadLeft(int.MaxValue).Length;")]
    [InlineData("return Enumerable.Repeat(1, int.MaxValue).ToArray().Length;")]
    [InlineData("return new StringBuilder().Append('x', int.MaxValue).Length;")]
    [InlineData("return new List<int>(int.MaxValue).Count;")]
    [InlineData("var list = new List<int>(); list.Capacity = int.MaxValue; return 1;")]
    public void Run_HugeSingleAllocation_IsRefusedBeforeItHappens(string code)
    {
        var error = Runner.Fails(code);

        AssertStopped(error, "more than its limit of 100000");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_CatastrophicRegex_StopsAtTheRegexTimeout()
    {
        var error = Runner.Fails("return Regex.IsMatch(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\", \"^(a+)+$\");");

        AssertStopped(error, "regular expression");
        AssertHostSurvives();
    }

    [Fact]
    public void Run_CatastrophicRegexInstance_StopsAtTheRegexTimeout()
    {
        var error = Runner.Fails("var r = new Regex(\"^(a+)+$\");\nreturn r.IsMatch(\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\");");

        AssertStopped(error, "regular expression");
        AssertHostSurvives();
    }

    [Theory]
    [InlineData("return System.IO.File.ReadAllText(\"/etc/passwd\");", "System.IO.File")]
    [InlineData("return new System.IO.StreamReader(\"/etc/passwd\").ReadToEnd();", "System.IO.StreamReader")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\"); return 1;", "Process")]
    [InlineData("return Environment.GetEnvironmentVariable(\"HOME\");", "System.Environment")]
    [InlineData("Environment.Exit(1); return 1;", "System.Environment")]
    [InlineData("return Type.GetType(\"System.IO.File\");", "System.Type")]
    [InlineData("return \"x\".GetType().Assembly.FullName;", "object.GetType()")]
    [InlineData("return Activator.CreateInstance(null);", "System.Activator")]
    [InlineData("Func<int> f = () => 1; return f.DynamicInvoke();", "System.Delegate")]
    [InlineData("System.Linq.Expressions.Expression<Func<int>> e = () => 1; return e.Compile()();", "System.Linq.Expressions")]
    [InlineData("return new System.Net.Http.HttpClient().GetStringAsync(\"http://127.0.0.1/\").Result;", "HttpClient")]
    [InlineData("var s = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp); return 1;", "Socket")]
    [InlineData("System.Threading.Tasks.Task.Run(() => 1); return 1;", "System.Threading.Tasks.Task")]
    [InlineData("new System.Threading.Thread(() => { }).Start(); return 1;", "System.Threading.Thread")]
    [InlineData("System.Threading.Tasks.Parallel.For(0, 2, i => { }); return 1;", "Parallel")]
    [InlineData("var t = new System.Threading.Timer(_ => { }); return 1;", "Timer")]
    [InlineData("GC.Collect(); return 1;", "System.GC")]
    [InlineData("return AppDomain.CurrentDomain.FriendlyName;", "System.AppDomain")]
    [InlineData("return System.Runtime.Loader.AssemblyLoadContext.Default.Name;", "AssemblyLoadContext")]
    [InlineData("return System.Runtime.InteropServices.Marshal.SizeOf(1);", "Marshal")]
    [InlineData("Console.WriteLine(\"x\"); return 1;", "Console")]
    [InlineData("dynamic d = 1; return d + 1;", "'dynamic'")]
    [InlineData("return DateTime.Now;", "Ctx.Now")]
    [InlineData("try { return 1; } catch (Exception e) { return e.StackTrace; }", "StackTrace")]
    [InlineData("return ServicesSync.Scripting.CSharp.Guard.CanCatch();", "Guard")]
    public void Check_DisallowedApi_IsRejectedAtValidationNamingIt(string code, string named)
    {
        var diagnostics = Runner.CheckScript(code);

        Assert.NotEmpty(diagnostics);
        Assert.Contains(diagnostics, d => d.Message.Contains(named, StringComparison.Ordinal) && d.Line == 1 && d.Column >= 1);
        var error = Runner.Fails(code);
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.False(error.Retryable);
        Assert.Contains("line 1, column", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unsafe { int x = 1; int* p = &x; return *p; }", "'unsafe'")]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid(); return getpid();", "'extern'")]
    [InlineData("#r \"System.IO\"\nreturn 1;", "Preprocessor directives")]
    [InlineData("#load \"other.csx\"\nreturn 1;", "Preprocessor directives")]
    [InlineData("#pragma warning disable\nreturn 1;", "Preprocessor directives")]
    [InlineData("return typeof(string).Assembly.FullName;", "'typeof'")]
    [InlineData("int x = 1; TypedReference r = __makeref(x); return 1;", "'__makeref'")]
    [InlineData("var x = 1; goto end; end: return x;", "'goto'")]
    [InlineData("lock (Input) { return 1; }", "'lock'")]
    [InlineData("Span<int> s = stackalloc int[10]; return s.Length;", "'stackalloc'")]
    [InlineData("return from x in new[] { 1 } select x;", "Query syntax")]
    public void Check_DisallowedConstruct_IsRejectedAtValidation(string code, string named)
    {
        var diagnostics = Runner.CheckScript(code);

        Assert.Contains(diagnostics, d => d.Message.Contains(named, StringComparison.Ordinal) && d.Line == 1);
    }

    [Fact]
    public void Check_CodeThatClosesTheGeneratedMethod_IsRejected()
    {
        var diagnostics = Runner.CheckScript("return 1; } public static void Evil() { System.IO.File.Delete(\"x\"); ");

        Assert.Contains("closes more braces", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExpressionWithAStatementAfterIt_IsRejected()
    {
        var diagnostics = Runner.Check(Snippets.SnippetKind.Expression, "1; while (true) { }");

        Assert.Contains("Not a single C# expression", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BatchDeadline_StopsAcrossCalls()
    {
        using var batch = ScriptBudget.BeginBatch(TimeSpan.FromMilliseconds(300));
        ServicesSyncException? error = null;
        for (var i = 0; i < 200 && error is null; i++)
        {
            try
            {
                Runner.Run("long n = 0; for (var i = 0; i < 200000; i++) { n += i; } return n;");
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
    public void Run_TimeBudget_StopsALoopThatStaysUnderTheStatementBudget()
    {
        var runner = ScriptHarness.CSharp(new ScriptingOptions
        {
            Limits = new ScriptLimits { Timeout = TimeSpan.FromMilliseconds(200), MaxStatements = int.MaxValue, MaxMemoryBytes = 32L << 20, MaxArraySize = 100_000 },
        });

        var error = runner.Fails("while (true) { }");

        AssertStopped(error, "time budget of 200 ms");
    }

    private static void AssertStopped(ServicesSyncException error, string expected)
    {
        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.False(error.Retryable);
        Assert.Contains("Workflow 'approved-time', activity 'map': the csharp script", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static void AssertHostSurvives()
        => Assert.Equal("3", Runner.Run("return (int)Input[\"a\"] + 2;", JsonNode.Parse("""{"a":1}"""))!.ToJsonString());
}
