using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>
/// Cancelling a run another node drives (a shared store): this node leaves a request for the
/// holder and waits for the run to stop; the holder acts on requests when told, at every
/// heartbeat, and when it takes a run over from a dead node.
/// </summary>
internal sealed partial class WorkflowRuntime
{
    private static readonly TimeSpan StoppedPollInterval = TimeSpan.FromMilliseconds(100);

    private async Task<WorkflowInstance> CancelElsewhereAsync(string instanceId, CancellationToken cancellationToken)
    {
        await cancellations.RequestAsync(instanceId, cancellationToken);
        var deadline = engine.Clock.GetUtcNow() + engine.Options.ShutdownDrainTimeout;
        while (true)
        {
            var instance = await GetExistingAsync(instanceId, cancellationToken);
            if (instance.Status != InstanceStatus.Running)
            {
                return instance;
            }

            if (engine.Clock.GetUtcNow() >= deadline)
            {
                // The request stays: the holder (or whoever takes the run over) still cancels it.
                throw new ServicesSyncException(
                    $"Run {instanceId} is being executed by another node, which was asked to cancel it and has not stopped it yet; look again shortly.",
                    ErrorKind.Transient);
            }

            await Task.Delay(StoppedPollInterval, engine.Clock, cancellationToken);
        }
    }

    /// <summary>
    /// Cancels the runs this node drives that another node asked to cancel. The cancellations run
    /// in the background: the caller is the heartbeat, which must not wait for runs to stop.
    /// </summary>
    public async Task ApplyCancellationRequestsAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await cancellations.TakeAsync(DrivenIds, cancellationToken))
        {
            CancelInBackground(id);
        }
    }

    private void CancelInBackground(string instanceId)
        => _ = Task.Run(async () =>
        {
            try
            {
                await CancelAsync(instanceId, forwardIfHeld: false, CancellationToken.None);
            }
            catch (ConflictException)
            {
                // It finished meanwhile: nothing left to cancel.
            }
#pragma warning disable CA1031 // Nobody waits on this task; what fails is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                EngineLog.ForwardedCancelFailed(engine.Logger, ex, instanceId);
            }
        });
}
