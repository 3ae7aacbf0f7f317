using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Execution.Hosting;

/// <summary>Resumes interrupted runs at start, prunes finished ones periodically, drains at stop.</summary>
internal sealed class RuntimeHostedService(
    WorkflowRuntime runtime,
    RuntimeOptions options,
    TimeProvider clock,
    ILogger<RuntimeHostedService> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private Task? background;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        background = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await runtime.ShutdownAsync(options.ShutdownDrainTimeout);
        if (background is not null)
        {
            await background.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose() => stopping.Dispose();

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
