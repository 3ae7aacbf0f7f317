namespace ServicesSync.Execution;

/// <summary>
/// Nudges to the background services, so an event or a timer committed now is handled now rather
/// than at the next poll: from this process's drivers, and on a shared store from the other nodes
/// (PostgreSQL notifications). Only a shortcut: the services also poll the store, which stays the
/// truth.
/// </summary>
internal sealed class RuntimeSignals : IDisposable
{
    private readonly SemaphoreSlim events = new(0, 1);
    private readonly SemaphoreSlim timers = new(0, 1);
    private readonly SemaphoreSlim runs = new(0, 1);

    public void Dispose()
    {
        events.Dispose();
        timers.Dispose();
        runs.Dispose();
    }

    public void EventsPublished() => Release(events);

    public void TimerScheduled() => Release(timers);

    /// <summary>
    /// On a shared store, another node handed its runs over (a graceful stop) or asked this one to
    /// cancel a run: time for the heartbeat's orphan scan and cancellation check.
    /// </summary>
    public void RunsChanged() => Release(runs);

    public Task WaitForEventsAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
        => WaitAsync(events, timeout, clock, cancellationToken);

    public Task WaitForTimersAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
        => WaitAsync(timers, timeout, clock, cancellationToken);

    public Task WaitForRunChangesAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
        => WaitAsync(runs, timeout, clock, cancellationToken);

    private static void Release(SemaphoreSlim signal)
    {
        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers every change since.
        }
    }

    private static async Task WaitAsync(SemaphoreSlim signal, TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: time to poll.
        }
    }
}
