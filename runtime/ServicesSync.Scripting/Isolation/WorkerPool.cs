using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using ServicesSync.Errors;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Isolation;

/// <summary>
/// Pre-warmed worker processes. A request takes an idle worker, and the worker goes back only if
/// it answered normally: a worker that blew a budget, timed out or died is killed and a fresh one
/// is started in its place, so no state (and no half-finished runaway) survives into the next run.
/// </summary>
internal sealed partial class WorkerPool : IAsyncDisposable
{
    /// <summary>How long past a request's deadline the host waits before it kills the worker itself.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    private readonly Channel<WorkerProcess> idle = Channel.CreateUnbounded<WorkerProcess>();
    private readonly WorkerLaunch launch;
    private readonly WorkerConfiguration configuration;
    private readonly int size;
    private readonly ILogger logger;
    private readonly CancellationTokenSource disposed = new();
    private readonly HashSet<WorkerProcess> all = [];
    private int live;
    private int started;
    private long nextId;

    public WorkerPool(ScriptingOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        launch = WorkerLaunch.From(options);
        configuration = new WorkerConfiguration(options.Limits.Clone(), options.WorkerCpuSecondsLimit);
        size = options.WorkerPoolSize;
        logger = loggerFactory.CreateLogger("ServicesSync.Scripting.Workers");
        for (var i = 0; i < size; i++)
        {
            _ = StartIdleAsync();
        }
    }

    /// <summary>Workers started over the pool's life, replacements included.</summary>
    public int Started => Volatile.Read(ref started);

    /// <summary>Process ids of the workers alive now (tests check their environment).</summary>
    public IReadOnlyList<int> ProcessIds
    {
        get
        {
            lock (all)
            {
                return all.Where(w => !w.HasExited).Select(w => w.ProcessId).ToArray();
            }
        }
    }

    public long NextRequestId() => Interlocked.Increment(ref nextId);

    public async Task<WorkerOutcome> RunAsync(Func<CallDeadline, WorkerRequest> createRequest, ScriptLimits limits, CancellationToken cancellationToken)
    {
        var worker = await RentAsync(cancellationToken);
        var deadline = CallDeadline.Start(limits);
        var request = createRequest(deadline);
        var keep = false;
        try
        {
            var wait = (deadline.Remaining > TimeSpan.Zero ? deadline.Remaining : TimeSpan.Zero) + Grace;
            var response = await worker.SendAsync(request, wait, cancellationToken);
            if (response is null)
            {
                var exitCode = worker.HasExited ? worker.ExitCode : null;
                if (exitCode is null)
                {
                    WorkerKilled(logger, worker.ProcessId, request.WorkflowId, request.ActivityId);
                }
                else
                {
                    WorkerDied(logger, worker.ProcessId, exitCode.Value, worker.ErrorOutput);
                }

                return new WorkerOutcome(null, TimedOut: exitCode is null, exitCode, deadline);
            }

            keep = response.Error?.Budget is null;
            RanInWorker(logger, request.WorkflowId, request.ActivityId, worker.ProcessId);
            return new WorkerOutcome(response, false, null, deadline);
        }
        finally
        {
            if (keep)
            {
                idle.Writer.TryWrite(worker);
            }
            else
            {
                Retire(worker);
                _ = StartIdleAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        idle.Writer.TryComplete();
        WorkerProcess[] workers;
        lock (all)
        {
            workers = [.. all];
            all.Clear();
        }

        foreach (var worker in workers)
        {
            worker.Kill();
            worker.Dispose();
        }

        disposed.Dispose();
    }

    private async Task<WorkerProcess> RentAsync(CancellationToken cancellationToken)
    {
        if (idle.Reader.TryRead(out var ready))
        {
            return ready;
        }

        // Nothing idle and fewer than the pool size alive (all failed to start, or were retired):
        // start one for this request rather than wait for a worker that may never come.
        if (Interlocked.Increment(ref live) <= size)
        {
            try
            {
                return await StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Decrement(ref live);
                throw new ServicesSyncException($"The script worker process could not be started: {ex.Message}", ErrorKind.Configuration, retryable: false);
            }
        }

        Interlocked.Decrement(ref live);
        return await idle.Reader.ReadAsync(cancellationToken);
    }

    private async Task StartIdleAsync()
    {
        if (Interlocked.Increment(ref live) > size)
        {
            Interlocked.Decrement(ref live);
            return;
        }

        try
        {
            var worker = await StartAsync(disposed.Token);
            if (!idle.Writer.TryWrite(worker))
            {
                Retire(worker);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !disposed.IsCancellationRequested)
        {
            Interlocked.Decrement(ref live);
            WorkerStartFailed(logger, ex.Message);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Decrement(ref live);
        }
    }

    private async Task<WorkerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var worker = await WorkerProcess.StartAsync(launch, configuration, cancellationToken);
        Interlocked.Increment(ref started);
        WorkerStarted(logger, worker.ProcessId);
        lock (all)
        {
            all.Add(worker);
        }

        return worker;
    }

    private void Retire(WorkerProcess worker)
    {
        worker.Kill();
        lock (all)
        {
            all.Remove(worker);
        }

        worker.Dispose();
        Interlocked.Decrement(ref live);
    }

    [LoggerMessage(EventId = 4123, Level = LogLevel.Information, Message = "Script worker {ProcessId} started")]
    private static partial void WorkerStarted(ILogger logger, int processId);

    // Debug: one line per evaluation; operators turn it on to see which worker ran a snippet.
    [LoggerMessage(EventId = 4124, Level = LogLevel.Debug, Message = "A snippet of {WorkflowId}/{ActivityId} ran in script worker {ProcessId}")]
    private static partial void RanInWorker(ILogger logger, string workflowId, string activityId, int processId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Script worker {ProcessId} did not answer in time for {WorkflowId}/{ActivityId}; killed and replaced")]
    private static partial void WorkerKilled(ILogger logger, int processId, string workflowId, string activityId);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Warning, Message = "Script worker {ProcessId} exited with code {ExitCode}; replaced. Its last output: {ErrorOutput}")]
    private static partial void WorkerDied(ILogger logger, int processId, int exitCode, string errorOutput);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Error, Message = "A script worker process could not be started: {Reason}")]
    private static partial void WorkerStartFailed(ILogger logger, string reason);
}

/// <summary>What a request to the pool came to: an answer, or a worker that had to be killed or had died.</summary>
internal sealed record WorkerOutcome(WorkerResponse? Response, bool TimedOut, int? ExitCode, CallDeadline Deadline);
