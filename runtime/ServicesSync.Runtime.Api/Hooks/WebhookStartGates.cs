namespace ServicesSync.Api.Hooks;

/// <summary>
/// Serialises the look-up and start of one deduplicated run in this process: 64 striped gates
/// (a fixed number, so memory does not grow with the deliveries seen). Deliveries without an
/// identity start their own runs and never wait.
/// </summary>
internal sealed class WebhookStartGates
{
    private readonly SemaphoreSlim[] stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async ValueTask<IDisposable?> EnterAsync(string? instanceId, CancellationToken cancellationToken)
    {
        if (instanceId is null)
        {
            return null;
        }

        var gate = stripes[(StringComparer.Ordinal.GetHashCode(instanceId) & int.MaxValue) % stripes.Length];
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }
}
