using System.Text.Json.Nodes;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Instances;

/// <summary>Journal entries, instance status and the durable commit of each step.</summary>
internal sealed partial class InstanceRun
{
    private const int CommitAttempts = 3;

    private long NextSequence()
    {
        var sequence = instance.JournalLength;
        instance = instance with { JournalLength = sequence + 1 };
        return sequence;
    }

    private long AppendJournal(
        JournalEntryKind kind,
        Token token,
        DateTimeOffset startedAt,
        DateTimeOffset completedAt,
        int attempt,
        Message? output = null,
        IReadOnlyList<string>? outcomes = null,
        ErrorInfo? error = null)
    {
        var sequence = NextSequence();
        journal.Add(new JournalEntry
        {
            InstanceId = instance.Id,
            Sequence = sequence,
            Kind = kind,
            ActivityId = token.ActivityId,
            ActivityType = workflow.GetNode(token.ActivityId).Descriptor.Type,
            Scope = token.Scope,
            Attempt = attempt,
            StartedAt = startedAt,
            CompletedAt = completedAt,
            InputJson = token.InputJson,
            OutputJson = output?.Json,
            Outcomes = outcomes ?? [],
            Error = error,
        });
        return sequence;
    }

    private async Task CommitAsync()
    {
        var previous = instance.Status;
        var status = ComputeStatus();
        var now = engine.Clock.GetUtcNow();
        var terminal = status is InstanceStatus.Completed or InstanceStatus.Cancelled;
        if (variablesChanged)
        {
            variablesJson = SerializeVariables(variables);
            variablesChanged = false;
        }

        instance = instance with
        {
            Status = status,
            UpdatedAt = now,
            FinishedAt = terminal ? now : null,
            OutputJson = status == InstanceStatus.Completed ? (state.Output?.Json ?? Message.NullJson) : instance.OutputJson,
            Error = status == InstanceStatus.Faulted ? state.Tokens.First(t => t.Status == TokenStatus.Faulted).Error : null,
            VariablesJson = variablesJson,
            StateJson = terminal ? "{}" : ExecutionStateSerializer.Serialize(state),
        };
        var commit = new InstanceCommit(instance, [.. journal], [.. deadLetters], [.. bookmarksAdded], [.. bookmarksRemoved])
        {
            Events = [.. events],
            Lease = LeaseWith(terminal),
        };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await engine.Commits.CommitAsync(commit, CancellationToken.None);
                break;
            }
            catch (Exception ex) when (attempt < CommitAttempts && ex is not OperationCanceledException)
            {
                EngineLog.CommitRetry(engine.Logger, ex, instance.WorkflowId, instance.Id, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), engine.Clock);
            }
        }

        Volatile.Write(ref lastCommitted, commit.Instance);
        // A run that ends in the commit that creates it is never leased: there is nothing to release.
        leaseReleased |= commit.Lease is { IsRelease: true } || (creationClaim is not null && terminal);
        creationClaim = null;
        creation?.TrySetResult();
        journal.Clear();
        deadLetters.Clear();
        bookmarksAdded.Clear();
        bookmarksRemoved.Clear();
        if (events.Count > 0)
        {
            events.Clear();
            engine.Signals.EventsPublished();
        }

        dirty = false;
        if (status != previous)
        {
            OnStatusChanged(status);
        }
    }

    /// <summary>What this commit does to the run's lease, in the same transaction.</summary>
    private LeaseChange? LeaseWith(bool terminal)
        => creationClaim is { } claim
            // The creation: claimed, unless the run also ends in it.
            ? terminal ? null : claim
            // Nothing resumes a completed or cancelled run, so its lease can go with its end.
            : terminal && !leaseReleased ? host.ReleaseWithEnd() : null;

    private InstanceStatus ComputeStatus()
    {
        if (cancelRequested && running == 0)
        {
            FinishCancel();
            return InstanceStatus.Cancelled;
        }

        bool faulted = false, suspended = false;
        foreach (var token in state.Tokens)
        {
            switch (token.Status)
            {
                case TokenStatus.Pending or TokenStatus.Running:
                    return InstanceStatus.Running;
                case TokenStatus.Faulted:
                    faulted = true;
                    break;
                case TokenStatus.Suspended:
                    suspended = true;
                    break;
            }
        }

        if (running > 0)
        {
            return InstanceStatus.Running;
        }

        return faulted ? InstanceStatus.Faulted
            : suspended ? InstanceStatus.Suspended
            : state.Loops.Count > 0 ? InstanceStatus.Running
            : InstanceStatus.Completed;
    }

    private void FinishCancel()
    {
        foreach (var token in state.Tokens)
        {
            if (token.BookmarkId is { } bookmark)
            {
                bookmarksRemoved.Add(bookmark);
            }
        }

        state.Tokens.Clear();
        state.Joins.Clear();
        state.Loops.Clear();
        var at = engine.Clock.GetUtcNow();
        var instanceId = instance.Id;
        afterCommit.Add(async ct =>
        {
            var open = await engine.Store.ListOpenDeadLettersAsync(instanceId, ct);
            if (open.Count > 0)
            {
                await engine.Store.CloseDeadLettersAsync(open.Select(d => d.Id).ToArray(), DeadLetterStatus.Discarded, at, ct);
            }
        });
    }

    private void OnStatusChanged(InstanceStatus status)
    {
        switch (status)
        {
            case InstanceStatus.Completed:
                EngineLog.RunCompleted(engine.Logger, instance.WorkflowId, instance.Id);
                break;
            case InstanceStatus.Faulted:
                EngineLog.RunFaulted(engine.Logger, instance.WorkflowId, instance.Id, instance.IncidentCount);
                break;
            case InstanceStatus.Cancelled:
                EngineLog.RunCancelled(engine.Logger, instance.WorkflowId, instance.Id);
                break;
        }

        if (status is InstanceStatus.Completed or InstanceStatus.Cancelled && instance.ParentInstanceId is not null)
        {
            var child = instance;
            afterCommit.Add(ct => host.NotifyParentAsync(child, ct));
        }
    }

    private static string SerializeVariables(Dictionary<string, JsonNode?> values)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in values)
        {
            obj[name] = value?.DeepClone();
        }

        return obj.ToJsonString(MessageJson.Options);
    }
}
