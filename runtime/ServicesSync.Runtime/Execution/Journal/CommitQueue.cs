using ServicesSync.Persistence;

namespace ServicesSync.Execution.Journal;

/// <summary>
/// Group commit of instance changes. The first caller that finds no commit in progress becomes
/// the leader and writes its own commit plus everything queued meanwhile in one store
/// transaction; the others just wait for the transaction that carries theirs. Each caller still
/// returns only once its change is in the store, so grouping never weakens the guarantee — it
/// only shares the cost of a transaction between the instances that are waiting anyway.
/// </summary>
internal sealed class CommitQueue(IInstanceStore store, RuntimeOptions options)
{
    private readonly Lock gate = new();
    private List<Pending> queue = [];
    private bool leaderActive;

    public Task CommitAsync(InstanceCommit commit, CancellationToken cancellationToken)
    {
        var pending = new Pending(commit);
        lock (gate)
        {
            queue.Add(pending);
            if (leaderActive)
            {
                return pending.Completion.Task;
            }

            leaderActive = true;
        }

        return LeadAsync(pending, cancellationToken);
    }

    private async Task LeadAsync(Pending own, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    leaderActive = false;
                    break;
                }

                if (queue.Count <= options.MaxCommitBatch)
                {
                    batch = queue;
                    queue = [];
                }
                else
                {
                    batch = queue.GetRange(0, options.MaxCommitBatch);
                    queue.RemoveRange(0, options.MaxCommitBatch);
                }
            }

            await WriteAsync(batch, cancellationToken);
        }

        await own.Completion.Task;
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        var commits = new InstanceCommit[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            commits[i] = batch[i].Commit;
        }

        try
        {
            await store.CommitAsync(commits, cancellationToken);
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult();
            }
        }
#pragma warning disable CA1031 // The failure belongs to every caller in the batch, not to the leader alone.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var pending in batch)
            {
                pending.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class Pending(InstanceCommit commit)
    {
        public InstanceCommit Commit { get; } = commit;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
