namespace ServicesSync.Persistence;

/// <summary>
/// A change to a run's lease that rides on an instance commit, in the same transaction, on a store
/// whose runs are leased between nodes (stores of one process ignore it): a brand-new run is
/// claimed by the commit that creates it and a finished run's lease goes with the commit that
/// finishes it, so neither costs a transaction of its own.
/// </summary>
/// <param name="NodeId">The node that holds the lease (a release removes it only while that node still holds it).</param>
/// <param name="ExpiresAt">When the claim expires unless renewed; null for a release.</param>
public sealed record LeaseChange(string NodeId, DateTimeOffset? ExpiresAt)
{
    public bool IsRelease => ExpiresAt is null;

    public static LeaseChange Claim(string nodeId, DateTimeOffset expiresAt) => new(nodeId, expiresAt);

    public static LeaseChange Release(string nodeId) => new(nodeId, null);
}
