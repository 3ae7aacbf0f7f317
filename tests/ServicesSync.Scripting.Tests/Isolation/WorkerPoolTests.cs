using System.Diagnostics;
using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Scripting.Tests.Isolation;

public sealed class WorkerPoolTests(WorkerFixture fixture) : IClassFixture<WorkerFixture>
{
    [Fact]
    public void Run_JavaScriptInAWorker_ReturnsTheResultAndForwardsLogs()
    {
        var logger = new CapturingLogger();

        var result = fixture.JavaScript.Run("log.warn('from worker'); return { n: input.n * 2, now: ctx.now };", JsonNode.Parse("""{"n":21}"""), logger);

        Assert.Equal("""{"n":42,"now":"2026-01-05T09:00:00Z"}""", result!.ToJsonString());
        Assert.Equal("from worker", Assert.Single(logger.Entries).Property("ScriptMessage"));
    }

    [Fact]
    public void Run_CSharpInAWorker_ReturnsTheResult()
    {
        var result = fixture.CSharp.Run("return new { n = (int)Input[\"n\"] * 2, rate = Vars[\"rateCardId\"] };", JsonNode.Parse("""{"n":21}"""));

        Assert.Equal("""{"n":42,"rate":"standard-2026"}""", result!.ToJsonString());
    }

    [Fact]
    public void Run_InvalidSnippet_IsRefusedWithoutAWorker()
    {
        var error = fixture.CSharp.Fails("return System.IO.File.ReadAllText(\"/etc/passwd\");");

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("System.IO.File", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Worker_Environment_HoldsNoHostVariables()
    {
        var pid = WaitForWorker();

        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);

        Assert.DoesNotContain(environment, e => e.Contains(WorkerFixture.Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(environment, e => e.StartsWith("PATH=", StringComparison.Ordinal) || e.StartsWith("HOME=", StringComparison.Ordinal));
        Assert.Contains(environment, e => e.StartsWith("DOTNET_GCHeapHardLimit=", StringComparison.Ordinal));
    }

    [Fact]
    public void Worker_OperatingSystemLimits_AreInForce()
    {
        var pid = WaitForWorker();

        var limits = File.ReadAllLines($"/proc/{pid}/limits");

        Assert.Matches(@"^Max cpu time\s+600\s+600\s+seconds", limits.Single(l => l.StartsWith("Max cpu time", StringComparison.Ordinal)));
        Assert.Matches(@"^Max file size\s+0\s+0\s+bytes", limits.Single(l => l.StartsWith("Max file size", StringComparison.Ordinal)));
        Assert.Matches(@"^Max core file size\s+0\s+0\s+bytes", limits.Single(l => l.StartsWith("Max core file size", StringComparison.Ordinal)));
    }

    [Fact]
    public void Run_InfiniteLoopInAWorker_IsStoppedAndTheWorkerReplaced()
    {
        WaitForWorker();
        var startedBefore = fixture.Pool.Started;

        var error = fixture.JavaScript.Fails("while (true) {}");

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("budget", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", fixture.JavaScript.Run("return 1;")!.ToJsonString());
        Assert.True(fixture.Pool.Started > startedBefore);
    }

    [Fact]
    public void Run_WorkerThatStopsAnswering_IsKilledAtTheDeadlineAndReplaced()
    {
        var pid = WaitForWorker();
        Signal("STOP", pid);
        var watch = Stopwatch.StartNew();

        var error = fixture.JavaScript.Fails("return 1;");

        var budget = fixture.Options.Limits.Timeout;
        Assert.Contains($"exceeded its time budget of {budget.TotalMilliseconds:0} ms", error.Message, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, budget, budget + TimeSpan.FromSeconds(30));
        Assert.True(WaitForExit(pid));
        Assert.Equal("2", fixture.JavaScript.Run("return 2;")!.ToJsonString());
    }

    [Fact]
    public void Run_WorkerThatDied_IsReplaced()
    {
        var pid = WaitForWorker();
        Signal("KILL", pid);
        Assert.True(WaitForExit(pid));

        var error = fixture.JavaScript.Fails("return 1;");

        Assert.Contains("ended its worker process", error.Message, StringComparison.Ordinal);
        Assert.Equal("3", fixture.JavaScript.Run("return 3;")!.ToJsonString());
    }

    private int WaitForWorker()
    {
        // A request guarantees a live, warm worker; its id is then in the pool.
        fixture.JavaScript.Run("return 0;");
        return Assert.Single(fixture.Pool.ProcessIds);
    }

    private static bool WaitForExit(int pid)
    {
        var deadline = Stopwatch.StartNew();
        while (!HasExited(pid) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(20);
        }

        return HasExited(pid);
    }

    private static bool HasExited(int pid) => !Directory.Exists($"/proc/{pid}") || File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2] is "Z" or "X";

    // Only ever a worker this test's pool started, by its process id.
    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
