using System.Text.Json.Nodes;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Instances;

/// <summary>What a driver asks of the runtime that hosts it: child runs, parents, its own exit.</summary>
internal interface IInstanceHost
{
    /// <summary>Starts (idempotently, by id) the child run of a sub-workflow call.</summary>
    Task StartChildAsync(string childInstanceId, string parentInstanceId, string workflowId, int? version, JsonNode? input, CancellationToken cancellationToken);

    /// <summary>Tells a parent waiting on <paramref name="child"/> that it finished.</summary>
    Task NotifyParentAsync(WorkflowInstance child, CancellationToken cancellationToken);

    /// <summary>
    /// Called by a driver with nothing left to do. Returns false when an event arrived meanwhile
    /// and the driver must go on; true when it is unregistered and may exit.
    /// </summary>
    bool TryRelease(InstanceRun run);

    /// <summary>What the commit that ends a run for good writes to its lease (<see cref="Ownership.IRunOwnership.ReleaseWithEnd"/>).</summary>
    LeaseChange? ReleaseWithEnd();
}
