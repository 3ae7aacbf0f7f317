using Microsoft.Extensions.Logging;
using ServicesSync.Execution.Journal;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Instances;

/// <summary>What every instance driver shares: the invoker, the store, the clock and the log.</summary>
internal sealed class EngineServices(
    ActivityInvoker invoker,
    CommitQueue commits,
    IWorkflowStore store,
    TimeProvider clock,
    RuntimeOptions options,
    RuntimeSignals signals,
    ILoggerFactory loggerFactory)
{
    public ActivityInvoker Invoker { get; } = invoker;

    public CommitQueue Commits { get; } = commits;

    public IWorkflowStore Store { get; } = store;

    public TimeProvider Clock { get; } = clock;

    public RuntimeOptions Options { get; } = options;

    public RuntimeSignals Signals { get; } = signals;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("ServicesSync.Engine");
}
