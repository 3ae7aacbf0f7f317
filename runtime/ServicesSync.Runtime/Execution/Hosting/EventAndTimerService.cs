using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServicesSync.Execution.Events;
using ServicesSync.Execution.Timers;

namespace ServicesSync.Execution.Hosting;

/// <summary>Runs the event dispatcher and the timer dispatcher, each woken by its signal or its poll.</summary>
internal sealed class EventAndTimerService(
    EventDispatcher events,
    TimerDispatcher timers,
    RuntimeSignals signals,
    TimeProvider clock,
    ILogger<EventAndTimerService> logger) : BackgroundService
{
    private static readonly TimeSpan EventPoll = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxTimerSleep = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(2);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
        => Task.WhenAll(
            Task.Run(() => DispatchEventsAsync(stoppingToken), CancellationToken.None),
            Task.Run(() => FireTimersAsync(stoppingToken), CancellationToken.None));

    private async Task DispatchEventsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await events.DispatchPendingAsync(stoppingToken) == 0)
                {
                    await signals.WaitForEventsAsync(EventPoll, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                EventLog.DispatchFailed(logger, ex);
                await Task.Delay(FailureBackoff, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task FireTimersAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await timers.FireDueAsync(stoppingToken);
                var next = await timers.NextDueAsync(stoppingToken);
                var sleep = next is { } due ? due - clock.GetUtcNow() : MaxTimerSleep;
                if (sleep > TimeSpan.Zero)
                {
                    await signals.WaitForTimersAsync(sleep < MaxTimerSleep ? sleep : MaxTimerSleep, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                EventLog.TimersFailed(logger, ex);
                await Task.Delay(FailureBackoff, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
