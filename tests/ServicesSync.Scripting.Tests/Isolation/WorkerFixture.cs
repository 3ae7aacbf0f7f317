using Microsoft.Extensions.Logging.Abstractions;
using ServicesSync.Scripting.Isolation;

namespace ServicesSync.Scripting.Tests.Isolation;

/// <summary>One worker pool for the isolation tests: starting a warm worker takes seconds.</summary>
public sealed class WorkerFixture : IAsyncLifetime
{
    public const string Canary = "worker-canary-value";
    private const string CanaryVariable = "SERVICESSYNC_WORKER_CANARY";

    public ScriptingOptions Options { get; } = Create();

    internal WorkerPool Pool { get; private set; } = null!;

    internal IsolatedRunner JavaScript { get; private set; } = null!;

    internal IsolatedRunner CSharp { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // Planted in the host before the workers start: it must not reach them.
        Environment.SetEnvironmentVariable(CanaryVariable, Canary);
        Pool = new WorkerPool(Options, NullLoggerFactory.Instance);
        JavaScript = new IsolatedRunner(ScriptHarness.JavaScript(Options), Pool, Options);
        CSharp = new IsolatedRunner(ScriptHarness.CSharp(Options), Pool, Options);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Pool.DisposeAsync();
        Environment.SetEnvironmentVariable(CanaryVariable, null);
    }

    private static ScriptingOptions Create()
    {
        var options = ScriptHarness.SmallLimits();
        options.Isolation = ScriptIsolation.WorkerProcess;
        options.WorkerPoolSize = 1;
        options.WorkerCpuSecondsLimit = 600;
        options.WorkerMemoryLimitBytes = 256L * 1024 * 1024;
        // Roomy on purpose: with every test assembly running at once on two cores, a fresh worker's
        // first request took over two seconds; the budget is about stopping runaways, not speed.
        options.Limits.Timeout = TimeSpan.FromSeconds(5);
        return options;
    }
}
