using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Errors;
using ServicesSync.Execution.Compilation;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Instances;

/// <summary>How the driver applies each kind of event to the state.</summary>
internal sealed partial class InstanceRun
{
    /// <summary>Bookmark name of a parent waiting for a child run; the correlation key is the child's id.</summary>
    public const string ChildBookmarkName = "workflow.child";

    private void HandleCompletion(Completion completion)
    {
        var token = completion.Token;
        var node = workflow.GetNode(token.ActivityId);
        if (completion.Error is { } error)
        {
            if (error is OperationCanceledException && (stopping || cancelRequested))
            {
                // Interrupted by shutdown or cancel, not failed: it runs again after a restart.
                token.Status = TokenStatus.Pending;
                return;
            }

            Fault(token, completion, ErrorInfoFactory.From(error, node.Id));
            return;
        }

        if (cancelRequested)
        {
            AppendJournal(JournalEntryKind.Completed, token, completion.StartedAt, completion.CompletedAt, completion.Attempts);
            state.Tokens.Remove(token);
            return;
        }

        ApplyVariableChanges(completion.VariableChanges);
        AddEvents(token, completion.Events);
        token.Resumption = null;
        switch (completion.Result)
        {
            case CompletedResult completed:
                Complete(token, node, completion, completed);
                break;
            case IterateResult iterate:
                StartLoop(token, node, completion, iterate);
                break;
            case SuspendedResult suspended:
                Suspend(token, completion, suspended.Bookmark);
                break;
            case DeadLetteredResult parked:
                DeadLetter(token, completion, parked);
                break;
            case CallWorkflowResult call:
                CallChild(token, completion, call);
                break;
            default:
                Fault(token, completion, new ErrorInfo(
                    $"Activity '{node.Id}' returned no result the engine understands.", ErrorKind.Internal, false));
                break;
        }
    }

    private void Complete(Token token, ExecutableNode node, Completion completion, CompletedResult completed)
    {
        var output = Message.FromNode(completed.Output);
        if (output.Json.Length > engine.Options.MaxMessageBytes)
        {
            Fault(token, completion, new ErrorInfo(
                $"Activity '{node.Id}' produced an output of {output.Json.Length / 1024 / 1024.0:0.#} MB, over the limit of {engine.Options.MaxMessageBytes / 1024 / 1024} MB.",
                ErrorKind.Validation,
                false));
            return;
        }

        foreach (var outcome in completed.OutcomeNames)
        {
            if (!node.Descriptor.HasOutcome(outcome))
            {
                Fault(token, completion, new ErrorInfo(
                    $"Activity '{node.Id}' ({node.Descriptor.Type}) took outcome '{outcome}', which its type does not declare.",
                    ErrorKind.Internal,
                    false));
                return;
            }
        }

        AppendJournal(JournalEntryKind.Completed, token, completion.StartedAt, completion.CompletedAt, completion.Attempts, output, completed.OutcomeNames);
        state.Tokens.Remove(token);
        Route(node, token.Scope, output, completed.OutcomeNames);
    }

    private void Suspend(Token token, Completion completion, Bookmark bookmark)
    {
        var record = new BookmarkRecord
        {
            Id = InstanceIds.New(engine.Clock),
            InstanceId = instance.Id,
            ActivityId = token.ActivityId,
            Scope = token.Scope,
            Name = bookmark.Name,
            CorrelationKey = bookmark.CorrelationKey,
            ResumeAt = bookmark.ResumeAt,
            PayloadJson = bookmark.Payload?.ToJsonString(),
            CreatedAt = engine.Clock.GetUtcNow(),
        };
        bookmarksAdded.Add(record);
        if (bookmark.ResumeAt is not null)
        {
            afterCommit.Add(_ =>
            {
                engine.Signals.TimerScheduled();
                return Task.CompletedTask;
            });
        }

        token.Status = TokenStatus.Suspended;
        token.BookmarkId = record.Id;
        AppendJournal(JournalEntryKind.Suspended, token, completion.StartedAt, completion.CompletedAt, completion.Attempts,
            Message.FromNode(new JsonObject { ["bookmark"] = bookmark.Name, ["correlationKey"] = bookmark.CorrelationKey }));
    }

    private void DeadLetter(Token token, Completion completion, DeadLetteredResult parked)
    {
        var message = Message.FromNode(parked.Message);
        AppendJournal(JournalEntryKind.DeadLettered, token, completion.StartedAt, completion.CompletedAt, completion.Attempts, message);
        deadLetters.Add(NewDeadLetter(DeadLetterKind.Message, token, parked.Reason, null, message.Json));
        instance = instance with { DeadLetterCount = instance.DeadLetterCount + 1 };
        state.Tokens.Remove(token);
        PathEnded(token.Scope, null);
    }

    private void CallChild(Token token, Completion completion, CallWorkflowResult call)
    {
        // The child's id is derived from the token, so a call repeated after a crash finds the
        // child it already started instead of starting a second one.
        var childId = $"{instance.Id}-{token.Id}";
        token.ChildInstanceId = childId;
        var request = new JsonObject { ["workflowId"] = call.WorkflowId, ["version"] = call.Version, ["input"] = call.Input?.DeepClone() };
        Suspend(token, completion, new Bookmark(ChildBookmarkName, childId, null, request));
        var input = call.Input?.DeepClone();
        afterCommit.Add(ct => host.StartChildAsync(childId, instance.Id, call.WorkflowId, call.Version, input, ct));
    }

    private Completion ChildCompletion(Token token, ExecutableNode node, TokenResumption result)
    {
        var now = engine.Clock.GetUtcNow();
        var payload = result.Input.Node as JsonObject;
        var status = payload?["status"]?.GetValue<string>();
        if (status == nameof(InstanceStatus.Completed))
        {
            var output = payload!["output"]?.DeepClone();
            return new Completion(token, ActivityResult.Outcome(node.Descriptor.DefaultOutcome, output), null, now, now, 1, []);
        }

        var reason = payload?["error"]?.GetValue<string>();
        var error = new ServicesSyncException(
            $"Activity '{node.Id}': the sub-workflow run {token.ChildInstanceId} ended as {status ?? "unknown"}"
            + (reason is null ? "." : $": {reason}"),
            ErrorKind.Permanent);
        return new Completion(token, null, error, now, now, 1, []);
    }

    private void Fault(Token token, Completion completion, ErrorInfo error)
    {
        token.Status = TokenStatus.Faulted;
        token.Error = error;
        AppendJournal(JournalEntryKind.Faulted, token, completion.StartedAt, completion.CompletedAt, completion.Attempts, error: error);
        deadLetters.Add(NewDeadLetter(DeadLetterKind.Incident, token, error.Message, error, token.InputJson));
        instance = instance with { IncidentCount = instance.IncidentCount + 1 };
        EngineLog.ActivityFaulted(engine.Logger, instance.WorkflowId, instance.Id, token.ActivityId, error.Message);
    }

    private DeadLetterEntry NewDeadLetter(DeadLetterKind kind, Token token, string reason, ErrorInfo? error, string? messageJson) => new()
    {
        Id = InstanceIds.New(engine.Clock),
        Kind = kind,
        InstanceId = instance.Id,
        WorkflowId = instance.WorkflowId,
        WorkflowVersion = instance.WorkflowVersion,
        ActivityId = token.ActivityId,
        Scope = token.Scope,
        Reason = reason,
        Error = error,
        MessageJson = messageJson,
        CreatedAt = engine.Clock.GetUtcNow(),
    };

    private void HandleResume(ResumeRequested resume)
    {
        var token = state.Tokens.Find(t => t.BookmarkId == resume.Bookmark.Id && t.Status == TokenStatus.Suspended);
        if (token is null)
        {
            resume.Accepted.TrySetException(new NotFoundException(
                $"Instance {instance.Id} has no waiting activity for bookmark {resume.Bookmark.Id}."));
            return;
        }

        token.Status = TokenStatus.Pending;
        token.BookmarkId = null;
        token.Resumption = new TokenResumption(
            resume.Bookmark.Name, resume.Bookmark.CorrelationKey, resume.Bookmark.PayloadJson, Message.FromNode(resume.Input), resume.TimedOut);
        bookmarksRemoved.Add(resume.Bookmark.Id);
        afterCommit.Add(_ =>
        {
            resume.Accepted.TrySetResult();
            return Task.CompletedTask;
        });
    }

    private void HandleCancel()
    {
        if (cancelRequested)
        {
            return;
        }

        cancelRequested = true;
        activityCancellation.Cancel();
        if (running > 0)
        {
            _ = SignalCancelGraceAsync();
        }
    }

    private async Task SignalCancelGraceAsync()
    {
        // Wall-clock, like an operator's wait: an activity that ignores its cancellation token
        // must not keep a cancel waiting, whatever the business clock says.
        await Task.Delay(CancelGrace).ConfigureAwait(false);
        inbox.Writer.TryWrite(CancelGraceElapsed.Instance);
    }

    /// <summary>
    /// Cancel no longer waits for activities that did not stop within <see cref="CancelGrace"/>:
    /// the run ends as cancelled and their late results are dropped.
    /// </summary>
    private void AbandonInFlight()
    {
        if (!cancelRequested || running == 0)
        {
            return;
        }

        abandoned += running;
        running = 0;
    }

    /// <summary>Faults every pending token with an incident saying why the run is not resumed.</summary>
    private void Quarantine(int resumes)
    {
        var error = new ErrorInfo(
            $"Resumed {resumes} time(s) after the runtime stopped while it ran; quarantined so it cannot crash the runtime again; retry it when fixed.",
            ErrorKind.Internal,
            Retryable: false);
        var now = engine.Clock.GetUtcNow();
        foreach (var token in state.Tokens)
        {
            if (token.Status is TokenStatus.Pending or TokenStatus.Running)
            {
                Fault(token, new Completion(token, null, null, now, now, 0, []), error);
            }
        }

        dirty = true;
        EngineLog.Quarantined(engine.Logger, instance.WorkflowId, instance.Id, resumes);
    }

    private void AddEvents(Token token, IReadOnlyList<PublishedEvent>? published)
    {
        if (published is not { Count: > 0 })
        {
            return;
        }

        // Ids derive from the journal position, so the same step never publishes an event twice.
        var at = engine.Clock.GetUtcNow();
        for (var i = 0; i < published.Count; i++)
        {
            events.Add(new OutboxEvent
            {
                Id = $"{instance.Id}-{instance.JournalLength}-{i}",
                Name = published[i].Name,
                CorrelationKey = published[i].CorrelationKey,
                PayloadJson = Message.FromNode(published[i].Payload).Json,
                SourceInstanceId = instance.Id,
                SourceActivityId = token.ActivityId,
                CreatedAt = at,
            });
        }
    }

    private void ApplyVariableChanges(IReadOnlyList<KeyValuePair<string, JsonNode?>> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // Copy on write: running activities keep the snapshot they started with.
        var next = new Dictionary<string, JsonNode?>(variables, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            next[name] = value?.Parent is null ? value : value.DeepClone();
        }

        variables = next;
        variablesChanged = true;
    }
}
