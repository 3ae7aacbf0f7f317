namespace ServicesSync.Connections.Http;

/// <summary>
/// A token bucket on the injected clock: <see cref="RateLimitSettings.Burst"/> tokens at most,
/// refilled at <see cref="RateLimitSettings.RequestsPerSecond"/>. Callers wait their turn in
/// arrival order; beyond <see cref="RateLimitSettings.QueueLimit"/> waiting callers, they are refused.
/// </summary>
internal sealed class TokenBucket(RateLimitSettings settings, TimeProvider clock) : IDisposable
{
    private readonly Lock gate = new();
    private readonly SemaphoreSlim turn = new(1, 1);
    private double tokens = settings.Burst;
    private long refilledAt = clock.GetTimestamp();
    private int waiting;

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref waiting) > settings.QueueLimit + settings.Burst)
        {
            Interlocked.Decrement(ref waiting);
            throw new RateLimitQueueFullException();
        }

        try
        {
            // One caller at a time takes tokens, so waiting callers are served in order.
            await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    TimeSpan wait;
                    lock (gate)
                    {
                        Refill();
                        if (tokens >= 1)
                        {
                            tokens -= 1;
                            return;
                        }

                        wait = TimeSpan.FromSeconds((1 - tokens) / settings.RequestsPerSecond);
                    }

                    await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                turn.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    public void Dispose() => turn.Dispose();

    private void Refill()
    {
        var now = clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(refilledAt, now);
        tokens = Math.Min(settings.Burst, tokens + (elapsed.TotalSeconds * settings.RequestsPerSecond));
        refilledAt = now;
    }
}
