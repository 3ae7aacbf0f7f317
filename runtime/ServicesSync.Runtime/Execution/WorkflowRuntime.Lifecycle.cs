using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Execution.Instances;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>Sub-workflow calls, start-up recovery, pruning and graceful shutdown.</summary>
internal sealed partial class WorkflowRuntime
{
    /// <summary>How many orphaned runs one pass takes: others are left for the next pass or node.</summary>
    private const int OrphanBatch = 200;

    async Task IInstanceHost.StartChildAsync(
        string childInstanceId, string parentInstanceId, string workflowId, int? version, JsonNode? input, CancellationToken cancellationToken)
    {
        WorkflowInstance child;
        try
        {
            child = await StartAsync(
                new StartRunRequest
                {
                    WorkflowId = workflowId,
                    Version = version,
                    Input = input,
                    InstanceId = childInstanceId,
                    ParentInstanceId = parentInstanceId,
                },
                cancellationToken);
        }
        catch (ServicesSyncException ex)
        {
            // The child could not start (not published, no trigger): the parent's call fails
            // with that reason rather than waiting for ever.
            await ResumeParentAsync(parentInstanceId, childInstanceId, new JsonObject { ["status"] = "NotStarted", ["error"] = ex.Message }, cancellationToken);
            return;
        }

        // Started earlier (a repeated call after a crash) and already finished: tell the parent now.
        if (child.Status is InstanceStatus.Completed or InstanceStatus.Cancelled)
        {
            await ((IInstanceHost)this).NotifyParentAsync(child, cancellationToken);
        }
    }

    async Task IInstanceHost.NotifyParentAsync(WorkflowInstance child, CancellationToken cancellationToken)
    {
        if (child.ParentInstanceId is not { } parentId)
        {
            return;
        }

        var payload = new JsonObject
        {
            ["status"] = child.Status.ToString(),
            ["output"] = child.OutputJson is null ? null : JsonNode.Parse(child.OutputJson),
        };
        await ResumeParentAsync(parentId, child.Id, payload, cancellationToken);
    }

    private async Task ResumeParentAsync(string parentId, string childId, JsonObject payload, CancellationToken cancellationToken)
    {
        var bookmarks = await store.FindBookmarksAsync(InstanceRun.ChildBookmarkName, childId, cancellationToken);
        foreach (var bookmark in bookmarks.Where(b => b.InstanceId == parentId))
        {
            await ResumeBookmarkAsync(bookmark, payload, timedOut: false, cancellationToken);
        }
    }

    /// <summary>
    /// Start-up recovery: resumes every run that was running when the process stopped, and
    /// repairs sub-workflow calls interrupted between the parent's commit and the child's start
    /// or between the child's end and the parent's resume.
    /// </summary>
    public async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await ResumeOrphansAsync(cancellationToken);
        foreach (var bookmark in await store.FindBookmarksAsync(InstanceRun.ChildBookmarkName, null, cancellationToken))
        {
            try
            {
                await RepairChildCallAsync(bookmark, cancellationToken);
            }
#pragma warning disable CA1031 // One broken call must not keep the others from being repaired.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                EngineLog.RecoveryFailed(engine.Logger, ex, bookmark.InstanceId);
            }
        }
    }

    /// <summary>
    /// Resumes the running runs no live node drives: at start, those this process was driving
    /// when it stopped; on a shared store, periodically, those of a node whose lease expired.
    /// Returns how many were resumed.
    /// </summary>
    public async Task<int> ResumeOrphansAsync(CancellationToken cancellationToken)
    {
        if (shuttingDown)
        {
            return 0;
        }

        var ids = await ownership.ClaimOrphansAsync(OrphanBatch, cancellationToken);
        if (ids.Count > 0)
        {
            EngineLog.Recovering(engine.Logger, ids.Count);
        }

        // A run someone asked to cancel while its dead node held it is cancelled, not resumed.
        var cancelled = ids.Count > 0 ? await cancellations.TakeAsync(ids, cancellationToken) : [];
        foreach (var id in ids)
        {
            try
            {
                await WithGateAsync(id, async () =>
                {
                    if (!runs.ContainsKey(id) && await store.GetAsync(id, cancellationToken) is { Status: InstanceStatus.Running } instance)
                    {
                        if (cancelled.Contains(id))
                        {
                            var run = await LoadAsync(instance, cancellationToken);
                            run.PrepareCancel();
                            Launch(run);
                        }
                        else
                        {
                            await ResumeAfterStopAsync(instance, cancellationToken);
                        }
                    }

                    return 0;
                });
            }
#pragma warning disable CA1031 // One broken run must not keep the others from resuming.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                EngineLog.RecoveryFailed(engine.Logger, ex, id);
            }
        }

        return ids.Count;
    }

    /// <summary>
    /// Resumes a run found running at start, or quarantines it when it has already been resumed
    /// <see cref="RuntimeOptions.MaxCrashResumes"/> times after the runtime died under it. The
    /// count is committed before the run executes, so a crash during this resume counts too.
    /// </summary>
    private async Task ResumeAfterStopAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var state = ExecutionStateSerializer.Deserialize(instance.StateJson);
        var quarantine = !state.StoppedCleanly && state.CrashResumes >= engine.Options.MaxCrashResumes;
        if (!quarantine)
        {
            state.CrashResumes = state.StoppedCleanly ? state.CrashResumes : state.CrashResumes + 1;
            state.StoppedCleanly = false;
            instance = instance with { StateJson = ExecutionStateSerializer.Serialize(state), UpdatedAt = engine.Clock.GetUtcNow() };
            await engine.Commits.CommitAsync(InstanceCommit.StateOnly(instance), cancellationToken);
        }

        var run = await LoadAsync(instance, cancellationToken);
        if (quarantine)
        {
            run.PrepareQuarantine(state.CrashResumes);
        }

        Launch(run);
    }

    private async Task RepairChildCallAsync(BookmarkRecord bookmark, CancellationToken cancellationToken)
    {
        var childId = bookmark.CorrelationKey!;
        var child = await store.GetAsync(childId, cancellationToken);
        if (child is null && bookmark.PayloadJson is { } json && JsonNode.Parse(json) is JsonObject request)
        {
            await ((IInstanceHost)this).StartChildAsync(
                childId,
                bookmark.InstanceId,
                request["workflowId"]!.GetValue<string>(),
                request["version"]?.GetValue<int>(),
                request["input"]?.DeepClone(),
                cancellationToken);
        }
        else if (child is { Status: InstanceStatus.Completed or InstanceStatus.Cancelled })
        {
            await ((IInstanceHost)this).NotifyParentAsync(child, cancellationToken);
        }
    }

    /// <summary>Deletes finished runs older than the retention, in slices so the store stays responsive.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = engine.Clock.GetUtcNow() - engine.Options.Retention;
        var total = 0;
        int deleted;
        do
        {
            deleted = await store.PruneAsync(cutoff, 1000, cancellationToken);
            total += deleted;
        }
        while (deleted == 1000 && !cancellationToken.IsCancellationRequested);

        await store.PruneIdempotencyRecordsAsync(cutoff, cancellationToken);
        if (total > 0)
        {
            EngineLog.Pruned(engine.Logger, total, cutoff);
        }

        return total;
    }

    /// <summary>
    /// Graceful shutdown: no new work starts; activities in flight get <paramref name="drainTimeout"/>
    /// to finish and be journaled; whatever is still running after that is cancelled and runs
    /// again on the next start.
    /// </summary>
    public async Task ShutdownAsync(TimeSpan drainTimeout)
    {
        await DrainAsync(drainTimeout);
        try
        {
            // What did not finish is handed over: other nodes take it without waiting for the leases to expire.
            await ownership.ReleaseAllAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // The store may be gone at shutdown; the leases then simply expire.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EngineLog.RecoveryFailed(engine.Logger, ex, ownership.NodeId);
        }
    }

    private async Task DrainAsync(TimeSpan drainTimeout)
    {
        shuttingDown = true;
        var active = runs.Values.ToArray();
        foreach (var run in active)
        {
            run.BeginStop();
        }

        var all = Task.WhenAll(active.Select(r => r.Finished));
        if (await Task.WhenAny(all, Task.Delay(drainTimeout)) != all)
        {
            var stuck = active.Where(r => !r.Finished.IsCompleted).ToArray();
            EngineLog.DrainTimedOut(engine.Logger, stuck.Length);
            foreach (var run in stuck)
            {
                run.Abort();
            }

            await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5)));
        }
    }
}
