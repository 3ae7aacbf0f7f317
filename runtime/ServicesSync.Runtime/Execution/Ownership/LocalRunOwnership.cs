using ServicesSync.Persistence;

namespace ServicesSync.Execution.Ownership;

/// <summary>
/// One process owns its store (LiteDB, in memory): every run is this node's, and the runs found
/// running at start are the ones it was driving when it stopped.
/// </summary>
internal sealed class LocalRunOwnership(IInstanceStore store, RuntimeOptions options) : IRunOwnership
{
    private int recovered;

    public string NodeId { get; } = options.ResolveNodeId();

    public bool IsShared => false;

    public Task<bool> TryAcquireAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync(string instanceId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Every running run, once: at start nothing else can be driving them.</summary>
    public async Task<IReadOnlyList<string>> ClaimOrphansAsync(int max, CancellationToken cancellationToken)
        => Interlocked.Exchange(ref recovered, 1) == 0 ? await store.ListIdsAsync(InstanceStatus.Running, cancellationToken) : [];

    public LeaseChange? ClaimWithCreation() => null;

    public LeaseChange? ReleaseWithEnd() => null;

    public Task RenewAsync(IReadOnlyCollection<string> driving, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ReleaseAllAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
