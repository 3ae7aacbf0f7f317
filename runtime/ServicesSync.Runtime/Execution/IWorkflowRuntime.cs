using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>
/// Starts and steers runs. Every method returns once the change is durable in the store; the
/// run itself continues in the background (use <see cref="WaitAsync"/> to await its end).
/// </summary>
public interface IWorkflowRuntime
{
    /// <summary>Creates an instance of a published workflow (or of <see cref="StartRunRequest.Definition"/>) and starts it.</summary>
    Task<WorkflowInstance> StartAsync(StartRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="StartAsync"/>, saying whether this call created the run: with a
    /// <see cref="StartRunRequest.InstanceId"/> the run starts at most once across every node
    /// sharing the store, and a call that finds it (started by another call, here or on another
    /// node, and maybe finished since) answers it with <see cref="StartedRun.Created"/> false.
    /// </summary>
    Task<StartedRun> StartOnceAsync(StartRunRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until the instance is no longer running (completed, faulted, cancelled or suspended),
    /// or until <paramref name="timeout"/>; returns its latest state either way.
    /// </summary>
    Task<WorkflowInstance> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>
    /// Retries a faulted instance from the activities that failed, optionally moving it to another
    /// published version first. A <see cref="Errors.ConflictException"/> when it is not faulted.
    /// </summary>
    Task<WorkflowInstance> RetryAsync(string instanceId, int? version, CancellationToken cancellationToken);

    /// <summary>Cancels a running, suspended or faulted instance.</summary>
    Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Continues the activity waiting on <paramref name="bookmarkId"/> with <paramref name="input"/>.</summary>
    Task<WorkflowInstance> ResumeAsync(string instanceId, string bookmarkId, System.Text.Json.Nodes.JsonNode? input, CancellationToken cancellationToken);
}

/// <summary>The run a start answered with, and whether that start created it.</summary>
public sealed record StartedRun(WorkflowInstance Instance, bool Created);
