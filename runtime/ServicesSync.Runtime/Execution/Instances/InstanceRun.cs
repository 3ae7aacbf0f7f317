using System.Text.Json.Nodes;
using System.Threading.Channels;
using ServicesSync.Activities;
using ServicesSync.Execution.Compilation;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution.Instances;

/// <summary>
/// The driver of one instance in this process. A single loop owns the instance's state: it takes
/// events (activity completions, resumes, cancel) from its inbox, applies them, commits the
/// result (journal + state) and only then starts the work that follows. Activities run
/// concurrently as tasks; the state is never touched by more than the loop.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Reliability",
    "CA1001",
    Justification = "The CancellationTokenSource has no timer and so nothing to release; disposing it would race with a late Abort().")]
internal sealed partial class InstanceRun
{
    /// <summary>How long a cancel waits for in-flight activities to stop before it leaves them behind.</summary>
    private static readonly TimeSpan CancelGrace = TimeSpan.FromMilliseconds(500);

    private readonly EngineServices engine;
    private readonly IInstanceHost host;
    private readonly ExecutableWorkflow workflow;
    private readonly ExecutionState state;
    private readonly RunIdentity identity;
    // Not SingleReader: only the multi-reader channel supports Reader.Count, which the driver
    // needs to know whether it may exit.
    private readonly Channel<InstanceEvent> inbox =
        Channel.CreateUnbounded<InstanceEvent>(new UnboundedChannelOptions { SingleReader = false });

    private readonly CancellationTokenSource activityCancellation = new();
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<JournalEntry> journal = [];
    private readonly List<DeadLetterEntry> deadLetters = [];
    private readonly List<BookmarkRecord> bookmarksAdded = [];
    private readonly List<string> bookmarksRemoved = [];
    private readonly List<OutboxEvent> events = [];
    private readonly List<Func<CancellationToken, Task>> afterCommit = [];
    private readonly Action<AttemptFailed> reportAttemptFailed;

    private WorkflowInstance instance;
    private WorkflowInstance? lastCommitted;
    private Dictionary<string, JsonNode?> variables;
    private string variablesJson;
    private bool variablesChanged;
    private int running;
    private bool dirty;
    private bool cancelRequested;
    private bool stopping;
    private int abandoned;
    private int? quarantineAfter;
    private bool leaseReleased;
    private TaskCompletionSource? creation;
    private LeaseChange? creationClaim;

    public InstanceRun(
        EngineServices engine,
        IInstanceHost host,
        ExecutableWorkflow workflow,
        WorkflowInstance instance,
        ExecutionState state,
        IReadOnlyList<JournalEntry>? journalForLoops = null)
    {
        this.engine = engine;
        this.host = host;
        this.workflow = workflow;
        this.instance = instance;
        this.state = state;
        identity = new RunIdentity(instance.WorkflowId, instance.WorkflowVersion, instance.Id);
        variablesJson = instance.VariablesJson;
        variables = ParseVariables(instance.VariablesJson);
        reportAttemptFailed = failure => inbox.Writer.TryWrite(failure);
        if (journalForLoops is not null)
        {
            RestoreLoops(journalForLoops);
        }
    }

    public string InstanceId => instance.Id;

    /// <summary>The instance as this driver's last successful commit wrote it; null before its first.</summary>
    public WorkflowInstance? LastCommitted => Volatile.Read(ref lastCommitted);

    /// <summary>Completes when the driver has exited (the instance is no longer running here).</summary>
    public Task Finished => finished.Task;

    /// <summary>Queues an event; false only after the driver has exited.</summary>
    public bool TryPost(InstanceEvent instanceEvent) => inbox.Writer.TryWrite(instanceEvent);

    public bool HasQueuedEvents => inbox.Reader.Count > 0;

    /// <summary>The run's end is committed together with the release of its lease: the host need not release it again.</summary>
    public bool LeaseReleased => leaseReleased;

    /// <summary>Graceful shutdown: finish what runs, start nothing new, leave the rest for the next start.</summary>
    public void BeginStop()
    {
        stopping = true;
        inbox.Writer.TryWrite(Wake.Instance);
    }

    /// <summary>Completes when the run's creation is committed (<see cref="PrepareCreation"/>); fails when it cannot be.</summary>
    public Task Created => creation?.Task ?? Task.CompletedTask;

    /// <summary>
    /// The run is new and not stored yet: its creation goes into the commit of its first step, the
    /// trigger, with <paramref name="claim"/> (its lease) if given. Nothing but the trigger runs
    /// before that commit, and the trigger only hands on the start payload; every activity after
    /// it still starts only once the run is durable, as does the start call's answer (<see cref="Created"/>).
    /// </summary>
    public void PrepareCreation(LeaseChange? claim)
    {
        creation = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        creationClaim = claim;
    }

    /// <summary>Marks the run cancelled before its loop starts (cancelling a run that is not active).</summary>
    public void PrepareCancel()
    {
        cancelRequested = true;
        dirty = true;
    }

    /// <summary>
    /// Start-up recovery found the run resumed <paramref name="resumes"/> times after the runtime
    /// died: its pending work is faulted with an incident instead of run again.
    /// </summary>
    public void PrepareQuarantine(int resumes)
    {
        quarantineAfter = resumes;
        dirty = true;
    }

    /// <summary>Shutdown deadline passed: cancel in-flight activities; they run again after the restart.</summary>
    public void Abort() => activityCancellation.Cancel();

    public async Task RunAsync()
    {
        try
        {
            dirty |= Settle();
            if (quarantineAfter is { } resumes)
            {
                Quarantine(resumes);
            }

            if (dirty)
            {
                await CommitAsync();
                RunAfterCommit();
            }

            Dispatch();
            // A new run is committed at the latest when nothing else is left to do (a shutdown
            // before its trigger ran), normally with its trigger's completion.
            dirty |= creation is not null;
            while (true)
            {
                if (running == 0 && inbox.Reader.Count == 0)
                {
                    if (stopping && !state.StoppedCleanly && instance.Status == InstanceStatus.Running)
                    {
                        // Nothing of this run is in flight any more and the process is still alive:
                        // the next resume is not a crash resume.
                        state.StoppedCleanly = true;
                        state.CrashResumes = 0;
                        dirty = true;
                    }

                    if (dirty)
                    {
                        await CommitAsync();
                        RunAfterCommit();
                        continue;
                    }

                    if (host.TryRelease(this))
                    {
                        break;
                    }
                }

                var next = await inbox.Reader.ReadAsync();
                Handle(next);
                while (inbox.Reader.TryRead(out next))
                {
                    Handle(next);
                }

                Settle();
                await CommitAsync();
                RunAfterCommit();
                Dispatch();
            }
        }
#pragma warning disable CA1031 // A driver that cannot commit stops here; the store still holds the last good state.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EngineLog.DriverFailed(engine.Logger, ex, instance.WorkflowId, instance.Id);
            creation?.TrySetException(ex);
            host.TryRelease(this);
        }
        finally
        {
            creation?.TrySetException(new InvalidOperationException($"The driver of run {instance.Id} ended before committing its creation."));
            inbox.Writer.TryComplete();
            finished.TrySetResult();
        }
    }

    private void Handle(InstanceEvent instanceEvent)
    {
        switch (instanceEvent)
        {
            case Completion when abandoned > 0:
                // An activity that ignored the cancel and was left behind; the run is cancelled.
                abandoned--;
                return;
            case CancelGraceElapsed:
                AbandonInFlight();
                break;
            case Completion completion:
                running--;
                HandleCompletion(completion);
                break;
            case AttemptFailed failure:
                AppendJournal(JournalEntryKind.AttemptFailed, failure.Token, failure.At, failure.At, failure.Attempt, error: ErrorInfoFactory.From(failure.Error, failure.Token.ActivityId));
                break;
            case ResumeRequested resume:
                HandleResume(resume);
                break;
            case CancelRequested:
                HandleCancel();
                break;
        }

        dirty = true;
    }

    private void Dispatch()
    {
        if (stopping || cancelRequested || quarantineAfter is not null)
        {
            return;
        }

        List<Token>? ready = null;
        foreach (var token in state.Tokens)
        {
            if (token.Status == TokenStatus.Pending)
            {
                (ready ??= []).Add(token);
            }
        }

        if (ready is null)
        {
            return;
        }

        // A single step with nothing else in flight runs inline until its first await: a
        // sequential chain never pays for a thread hop. Parallel branches go to the pool.
        var inline = ready.Count == 1 && running == 0;
        foreach (var token in ready)
        {
            token.Status = TokenStatus.Running;
            running++;
            if (inline)
            {
                _ = ExecuteAsync(token);
            }
            else
            {
                _ = Task.Run(() => ExecuteAsync(token));
            }
        }
    }

    private async Task ExecuteAsync(Token token)
    {
        Completion completion;
        try
        {
            var node = workflow.GetNode(token.ActivityId);
            if (token.ChildInstanceId is not null && token.Resumption is { } childResult)
            {
                completion = ChildCompletion(token, node, childResult);
            }
            else
            {
                var resumption = token.Resumption is { } r
                    ? new BookmarkResumption(
                        new Bookmark(r.BookmarkName, r.CorrelationKey, null, r.PayloadJson is null ? null : Message.Parse(r.PayloadJson)),
                        r.Input.Node,
                        r.TimedOut)
                    : null;
                completion = await engine.Invoker.InvokeAsync(
                    identity, token, node, variables, resumption, reportAttemptFailed, activityCancellation.Token);
            }
        }
#pragma warning disable CA1031 // Whatever goes wrong around an execution must reach the loop, or the run would wait for ever.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var now = engine.Clock.GetUtcNow();
            completion = new Completion(token, null, ex, now, now, 1, []);
        }

        inbox.Writer.TryWrite(completion);
    }

    private void RunAfterCommit()
    {
        if (afterCommit.Count == 0)
        {
            return;
        }

        var actions = afterCommit.ToArray();
        afterCommit.Clear();
        foreach (var action in actions)
        {
            _ = RunSideChannelAsync(action);
        }
    }

    private async Task RunSideChannelAsync(Func<CancellationToken, Task> action)
    {
        try
        {
            await action(CancellationToken.None);
        }
#pragma warning disable CA1031 // Child starts and parent notifications are repaired by start-up recovery.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            EngineLog.SideChannelFailed(engine.Logger, ex, instance.WorkflowId, instance.Id);
        }
    }

    private static Dictionary<string, JsonNode?> ParseVariables(string json)
    {
        var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (JsonNode.Parse(json) is JsonObject obj)
        {
            foreach (var (name, value) in obj)
            {
                result[name] = value?.DeepClone();
            }
        }

        return result;
    }

    /// <summary>The in-flight activities of a cancelled run had their time to stop.</summary>
    private sealed record CancelGraceElapsed : InstanceEvent
    {
        public static readonly CancelGraceElapsed Instance = new();
    }

    /// <summary>An event that only wakes the loop (so it notices a shutdown).</summary>
    private sealed record Wake : InstanceEvent
    {
        public static readonly Wake Instance = new();
    }
}
