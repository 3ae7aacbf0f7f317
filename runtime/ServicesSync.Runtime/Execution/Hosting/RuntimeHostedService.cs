using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServicesSync.Execution.Ownership;

namespace ServicesSync.Execution.Hosting;

/// <summary>
/// Resumes interrupted runs at start, prunes finished ones periodically, drains at stop. On a
/// shared store it also keeps this node's leases alive and takes over the runs of dead nodes.
/// </summary>
internal sealed class RuntimeHostedService(
    WorkflowRuntime runtime,
    IRunOwnership ownership,
    RuntimeSignals signals,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<RuntimeHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? background;
    private Task? leases;
    private int disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        background = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        if (ownership.IsShared)
        {
            leases = Task.Run(() => KeepLeasesAsync(stopping.Token), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host torn down out of order (a test server disposed while stopping) may dispose this
        // service first: there is nothing left to stop then.
        if (Volatile.Read(ref disposed) == 1)
        {
            return;
        }

        await stopping.CancelAsync();
        await runtime.ShutdownAsync(options.ShutdownDrainTimeout);
        foreach (var task in new[] { background, leases })
        {
            if (task is not null)
            {
                await task.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Dispose();
        }
    }

    /// <summary>
    /// The heartbeat, the takeover and forwarded cancellations in one loop: each pass renews this
    /// node's leases, cancels the runs other nodes asked it to, then claims and resumes runs whose
    /// node stopped renewing. A pass comes every <see cref="RuntimeOptions.OrphanScanInterval"/>,
    /// or at once when another node hands its runs over or asks for a cancellation. A failing
    /// store (a restart of the database) is logged and tried again on the next pass.
    /// </summary>
    private async Task KeepLeasesAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await signals.WaitForRunChangesAsync(options.OrphanScanInterval, clock, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await ownership.RenewAsync(runtime.DrivenIds, cancellationToken);
                    await runtime.ApplyCancellationRequestsAsync(cancellationToken);
                    await runtime.ResumeOrphansAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    EngineLog.LeasesFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await runtime.RecoverAsync(cancellationToken);
            using var timer = new PeriodicTimer(options.PruneInterval, clock);
            do
            {
                try
                {
                    await runtime.PruneAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    EngineLog.PruneFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
