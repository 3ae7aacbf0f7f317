using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>
/// Starts with an id the caller derived (a deduplicated webhook delivery, a child run, a schedule
/// occurrence): the run must start once however many nodes receive the same start at once. The
/// id's lease decides which node creates it; the store, read again under the lease, says whether
/// another node already did — and maybe finished it, which the first look-up could not yet see.
/// </summary>
internal sealed partial class WorkflowRuntime
{
    private static readonly TimeSpan CreatedElsewherePatience = TimeSpan.FromSeconds(5);

    private async Task<StartedRun> StartGivenIdAsync(StartRunRequest request, string instanceId, CancellationToken cancellationToken)
    {
        if (!await ownership.TryAcquireAsync(instanceId, cancellationToken))
        {
            // Another node holds the id: it is creating (or driving) this very run. Answer with it
            // once it is stored rather than failing a sender that only delivered twice.
            return new StartedRun(await WaitForCreationElsewhereAsync(instanceId, cancellationToken), Created: false);
        }

        if (await store.GetAsync(instanceId, cancellationToken) is { } existing)
        {
            // Created by another node between the first look-up and this claim (and given back
            // since): the claim was only for creating it.
            await ownership.ReleaseAsync(instanceId, cancellationToken);
            return new StartedRun(existing, Created: false);
        }

        return new StartedRun(await CreateAndLaunchAsync(request, cancellationToken), Created: true);
    }

    private async Task<WorkflowInstance> WaitForCreationElsewhereAsync(string instanceId, CancellationToken cancellationToken)
    {
        var deadline = engine.Clock.GetUtcNow() + CreatedElsewherePatience;
        while (true)
        {
            if (await store.GetAsync(instanceId, cancellationToken) is { } created)
            {
                return created;
            }

            if (engine.Clock.GetUtcNow() >= deadline)
            {
                throw HeldByAnotherNode(instanceId);
            }

            await Task.Delay(StoppedPollInterval, engine.Clock, cancellationToken);
        }
    }
}
