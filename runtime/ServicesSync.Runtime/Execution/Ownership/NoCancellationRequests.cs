namespace ServicesSync.Execution.Ownership;

/// <summary>One process owns its store: it cancels its runs itself and never leaves requests.</summary>
internal sealed class NoCancellationRequests : ICancellationRequests
{
    public Task RequestAsync(string instanceId, CancellationToken cancellationToken)
        => throw new InvalidOperationException("Only a shared store has runs driven by another node.");

    public Task<IReadOnlyList<string>> TakeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<string>>([]);
}
