using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServicesSync.Execution.Triggers;
using ServicesSync.Persistence;

namespace ServicesSync.Triggers.Schedules;

/// <summary>
/// The scheduler loop: at start it rebuilds the schedules from the store and the published
/// workflows, starts claims a crashed owner left unstarted and applies the misfire policies; then
/// it sleeps (on the injected <see cref="TimeProvider"/>) until the next occurrence, a publish or
/// delete (the trigger index's <see cref="ITriggerIndex.Changed"/>), or at most
/// <see cref="TriggerOptions.MaxSchedulerSleep"/>.
/// </summary>
internal sealed partial class ScheduleService(
    ScheduleRegistry registry,
    ScheduleFirer firer,
    ITriggerIndex index,
    IScheduleStore store,
    TriggerOptions options,
    TimeProvider clock,
    ILogger<ScheduleService> logger) : BackgroundService
{
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim changed = new(0, 1);
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    public override void Dispose()
    {
        index.Changed -= OnChanged;
        changed.Dispose();
        base.Dispose();
    }

    /// <summary>One pass: sync, recover, fire; returns how long to sleep. Public for tests that drive time.</summary>
    public async Task<TimeSpan> RunOnceAsync(CancellationToken cancellationToken)
    {
        var schedules = await registry.SyncAsync(cancellationToken);
        await firer.RecoverAsync(schedules, cancellationToken);
        var next = await firer.FireDueAsync(schedules, cancellationToken);
        await PruneAsync(cancellationToken);
        var sleep = next is { } due ? due - clock.GetUtcNow() : options.MaxSchedulerSleep;
        return sleep < TimeSpan.Zero ? TimeSpan.Zero : sleep > options.MaxSchedulerSleep ? options.MaxSchedulerSleep : sleep;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        index.Changed += OnChanged;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                sleep = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogFailed(logger, exception);
                sleep = FailureBackoff;
            }

            await WaitAsync(sleep, stoppingToken);
        }
    }

    private async Task WaitAsync(TimeSpan sleep, CancellationToken stoppingToken)
    {
        using var timeout = new CancellationTokenSource(sleep, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, timeout.Token);
        try
        {
            await changed.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Due, or stopping: the loop condition tells which.
        }
    }

    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - lastPrune < TimeSpan.FromHours(1))
        {
            return;
        }

        lastPrune = now;
        await store.PruneFiringsAsync(now - options.FiringRetention, cancellationToken);
    }

    private void OnChanged(object? sender, EventArgs e)
    {
        try
        {
            changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; one pass covers every change since.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduler pass failed; retrying shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
