using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Execution.Instances;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>Operator actions on existing runs: retry, cancel, resume.</summary>
internal sealed partial class WorkflowRuntime
{
    public async Task<WorkflowInstance> RetryAsync(string instanceId, int? version, CancellationToken cancellationToken)
    {
        ThrowIfShuttingDown();
        return await WithGateAsync(instanceId, async () =>
        {
            var instance = await GetSettledAsync(instanceId, cancellationToken);
            if (runs.ContainsKey(instanceId))
            {
                throw new ConflictException($"Run {instanceId} is running; only a faulted run can be retried.");
            }

            if (instance.Status != InstanceStatus.Faulted)
            {
                throw new ConflictException($"Run {instanceId} is {instance.Status.ToString().ToLowerInvariant()}; only a faulted run can be retried.");
            }

            await AcquireAsync(instanceId, cancellationToken);
            var workflow = await ResolveForRetryAsync(instance, version, cancellationToken);
            var state = ExecutionStateSerializer.Deserialize(instance.StateJson);
            RequireActivities(workflow, state, instanceId);
            foreach (var token in state.Tokens.Where(t => t.Status == TokenStatus.Faulted))
            {
                token.Status = TokenStatus.Pending;
                token.Error = null;
            }

            // The operator says the cause is fixed: the run gets its full allowance of crash resumes again.
            state.CrashResumes = 0;
            state.StoppedCleanly = false;

            var now = engine.Clock.GetUtcNow();
            var retried = instance with
            {
                Status = InstanceStatus.Running,
                WorkflowVersion = workflow.Version,
                Error = null,
                UpdatedAt = now,
                StateJson = ExecutionStateSerializer.Serialize(state),
                JournalLength = instance.JournalLength + 1,
            };
            var note = OperatorEntry(instance, now, version is null ? "retried" : $"retried on version {workflow.Version}");
            await engine.Commits.CommitAsync(new InstanceCommit(retried, [note], [], [], []), cancellationToken);
            var open = await store.ListOpenDeadLettersAsync(instanceId, cancellationToken);
            var incidents = open.Where(d => d.Kind == DeadLetterKind.Incident).Select(d => d.Id).ToArray();
            if (incidents.Length > 0)
            {
                await store.CloseDeadLettersAsync(incidents, DeadLetterStatus.Retried, now, cancellationToken);
            }

            var journal = state.Loops.Count > 0 ? await store.GetJournalAsync(instanceId, null, cancellationToken) : null;
            Launch(new InstanceRun(engine, this, workflow, retried, state, journal));
            return retried;
        });
    }

    public Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken)
        => CancelAsync(instanceId, forwardIfHeld: true, cancellationToken);

    /// <summary>
    /// Cancels the run here, or — <paramref name="forwardIfHeld"/> — asks the node that drives it
    /// to, and waits for it to stop either way.
    /// </summary>
    private async Task<WorkflowInstance> CancelAsync(string instanceId, bool forwardIfHeld, CancellationToken cancellationToken)
    {
        Task? finished = null;
        var heldElsewhere = false;
        await WithGateAsync(instanceId, async () =>
        {
            if (TryPost(instanceId, new CancelRequested(), out var live))
            {
                finished = live.Finished;
                return 0;
            }

            var instance = await GetSettledAsync(instanceId, cancellationToken);
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                throw new ConflictException($"Run {instanceId} is already {instance.Status.ToString().ToLowerInvariant()}.");
            }

            if (!await ownership.TryAcquireAsync(instanceId, cancellationToken))
            {
                // Another node drives it, and only that node can stop it.
                heldElsewhere = forwardIfHeld ? true : throw HeldByAnotherNode(instanceId);
                return 0;
            }

            var run = await LoadAsync(instance, cancellationToken);
            run.PrepareCancel();
            Launch(run);
            finished = run.Finished;
            return 0;
        });
        if (heldElsewhere)
        {
            return await CancelElsewhereAsync(instanceId, cancellationToken);
        }

        await finished!.WaitAsync(engine.Options.ShutdownDrainTimeout, cancellationToken);
        return await GetExistingAsync(instanceId, cancellationToken);
    }

    public async Task<WorkflowInstance> ResumeAsync(string instanceId, string bookmarkId, JsonNode? input, CancellationToken cancellationToken)
    {
        var bookmark = (await store.GetBookmarksAsync(instanceId, cancellationToken)).FirstOrDefault(b => b.Id == bookmarkId)
                       ?? throw new NotFoundException($"Run {instanceId} has no bookmark '{bookmarkId}'.");
        await ResumeBookmarkAsync(bookmark, input, timedOut: false, cancellationToken);
        return await GetExistingAsync(instanceId, cancellationToken);
    }

    /// <summary>Delivers a resume to the instance's driver, starting one when none is alive.</summary>
    internal async Task ResumeBookmarkAsync(BookmarkRecord bookmark, JsonNode? input, bool timedOut, CancellationToken cancellationToken)
    {
        ThrowIfShuttingDown();
        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new ResumeRequested(bookmark, input, timedOut, accepted);
        await WithGateAsync(bookmark.InstanceId, async () =>
        {
            if (TryPost(bookmark.InstanceId, resume, out _))
            {
                return 0;
            }

            var instance = await GetExistingAsync(bookmark.InstanceId, cancellationToken);
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
            {
                throw new ConflictException($"Run {instance.Id} is {instance.Status.ToString().ToLowerInvariant()}; nothing waits any more.");
            }

            await AcquireAsync(instance.Id, cancellationToken);
            var run = await LoadAsync(instance, cancellationToken);
            run.TryPost(resume);
            Launch(run);
            return 0;
        });
        await accepted.Task.WaitAsync(cancellationToken);
    }
}
