namespace ServicesSync.Execution.Ownership;

/// <summary>
/// Cancellations asked of runs another node drives. A node cannot stop a run it does not hold, so
/// it leaves a request for the holder; the holder acts on it at once when it is told (a
/// notification), at its next heartbeat otherwise, and a node that takes the run over after its
/// holder died cancels it instead of resuming it. On one box every run is this process's and no
/// request is ever needed (<see cref="NoCancellationRequests"/>).
/// </summary>
public interface ICancellationRequests
{
    /// <summary>Records the request (durably) and tells the other nodes.</summary>
    Task RequestAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// The requests for any of <paramref name="instanceIds"/> (runs this node holds), removed as
    /// they are returned: the caller acts on them.
    /// </summary>
    Task<IReadOnlyList<string>> TakeAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken);
}
