using ServicesSync.Persistence;

namespace ServicesSync.Execution.Ownership;

/// <summary>
/// Which node executes a run. A node takes a run before it drives it (start, resume, retry,
/// cancel, recovery) and gives it back when the driver ends; while it drives it, it keeps the
/// claim alive. On one box every run is this process's (<see cref="LocalRunOwnership"/>); on a
/// shared store the claims are leases in the database, and a run whose node died — its lease
/// expired — is taken over by another node, which resumes it from its journal.
/// </summary>
public interface IRunOwnership
{
    /// <summary>This node's name in the claims (<see cref="RuntimeOptions.ResolveNodeId"/>).</summary>
    string NodeId { get; }

    /// <summary>True when this node may drive the run now: no live node holds it, or this one does.</summary>
    Task<bool> TryAcquireAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Gives the run back (its driver ended); never fails the caller.</summary>
    Task ReleaseAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="max"/> running runs that no live node holds (their node died or
    /// stopped) and returns their ids: this node now holds them and must resume them.
    /// </summary>
    Task<IReadOnlyList<string>> ClaimOrphansAsync(int max, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps the claims on <paramref name="driving"/> alive (the heartbeat). Only runs this node
    /// really drives: a run whose driver ended without giving it back (the store was down when it
    /// tried) must expire, so that some node resumes it.
    /// </summary>
    Task RenewAsync(IReadOnlyCollection<string> driving, CancellationToken cancellationToken);

    /// <summary>Gives back every claim of this node (a graceful stop hands the work over).</summary>
    Task ReleaseAllAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The claim on a run whose id this node has just generated, to write with the commit that
    /// creates it instead of <see cref="TryAcquireAsync"/> before it (nobody else can hold an id
    /// nobody has seen); null when claims are not kept in the store.
    /// </summary>
    LeaseChange? ClaimWithCreation();

    /// <summary>
    /// The release to write with the commit that ends a run for good (completed or cancelled:
    /// nothing resumes it again), instead of <see cref="ReleaseAsync"/> after it; null when
    /// claims are not kept in the store.
    /// </summary>
    LeaseChange? ReleaseWithEnd();

    /// <summary>Whether claims expire and orphans must be looked for periodically (a shared store).</summary>
    bool IsShared { get; }
}
