using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Execution.Compilation;
using ServicesSync.Execution.Instances;
using ServicesSync.Execution.Ownership;
using ServicesSync.Execution.State;
using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>
/// Hosts the instance drivers of this process. Every operation on one instance (start with an id,
/// resume, retry, cancel, recovery) passes the instance's gate, so an instance never has two
/// drivers; events for an instance whose driver is alive go to its inbox instead.
/// </summary>
internal sealed partial class WorkflowRuntime(
    EngineServices engine,
    WorkflowCompiler compiler,
    IWorkflowStore store,
    IRunOwnership ownership,
    ICancellationRequests cancellations) : IWorkflowRuntime, IInstanceHost
{
    private const int StripeCount = 64;
    private static readonly TimeSpan WaitPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConcurrentDictionary<string, InstanceRun> runs = new(StringComparer.Ordinal);
    private readonly Lock[] stripes = Enumerable.Range(0, StripeCount).Select(_ => new Lock()).ToArray();
    private readonly SemaphoreSlim[] gates = Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly ConcurrentDictionary<(string Id, int Version), ExecutableWorkflow> compiled = new();
    private volatile bool shuttingDown;

    /// <summary>Number of instances with a live driver in this process.</summary>
    public int ActiveCount => runs.Count;

    /// <summary>The instances with a live driver in this process (whose leases the heartbeat renews).</summary>
    public IReadOnlyCollection<string> DrivenIds => [.. runs.Keys];

    public async Task<WorkflowInstance> StartAsync(StartRunRequest request, CancellationToken cancellationToken)
        => (await StartOnceAsync(request, cancellationToken)).Instance;

    public async Task<StartedRun> StartOnceAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ThrowIfShuttingDown();
        if (request.InstanceId is null)
        {
            return new StartedRun(await CreateAndLaunchAsync(request, cancellationToken), Created: true);
        }

        var gate = GateOf(request.InstanceId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await store.GetAsync(request.InstanceId, cancellationToken) is { } existing
                ? new StartedRun(existing, Created: false)
                : await StartGivenIdAsync(request, request.InstanceId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<WorkflowInstance> WaitAsync(string instanceId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Wall-clock waiting: how long a caller is willing to wait is not business time.
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                if (runs.TryGetValue(instanceId, out var run))
                {
                    await run.Finished.WaitAsync(deadline.Token);
                    // A run that ended for good is in the store as its driver last committed it:
                    // no need to read it back, unless another driver has taken it up since.
                    if (run.LastCommitted is { Status: InstanceStatus.Completed or InstanceStatus.Faulted or InstanceStatus.Cancelled } ended
                        && !runs.ContainsKey(instanceId))
                    {
                        return ended;
                    }

                    continue;
                }

                var current = await GetExistingAsync(instanceId, cancellationToken);
                if (current.Status is InstanceStatus.Completed or InstanceStatus.Faulted or InstanceStatus.Cancelled
                    || (current.Status == InstanceStatus.Suspended && !await WaitsOnlyForChildrenAsync(current, cancellationToken)))
                {
                    return current;
                }

                // Running without a driver here (another process has it, or recovery has not
                // reached it yet) or waiting for a child run: look again shortly.
                await Task.Delay(WaitPollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return await GetExistingAsync(instanceId, cancellationToken);
        }
    }

    private async Task<WorkflowInstance> CreateAndLaunchAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        var workflow = await ResolveForStartAsync(request, cancellationToken);
        var trigger = request.TriggerActivityId is { } triggerId
            ? workflow.Nodes.TryGetValue(triggerId, out var named) && named.Descriptor.IsTrigger
                ? named
                : throw new ServicesSyncException($"Workflow '{workflow.Id}' has no trigger '{triggerId}'.", ErrorKind.Validation)
            : workflow.Triggers.Count > 0
                ? workflow.Triggers[0]
                : throw new ServicesSyncException($"Workflow '{workflow.Id}' has no trigger to start from.", ErrorKind.Validation);

        var input = Message.FromNode(request.Input);
        if (input.Json.Length > engine.Options.MaxMessageBytes)
        {
            throw new ServicesSyncException(
                $"The input message is {input.Json.Length / 1024 / 1024.0:0.#} MB, over the limit of {engine.Options.MaxMessageBytes / 1024 / 1024} MB.",
                ErrorKind.Validation);
        }

        var state = new ExecutionState();
        state.AddToken(trigger.Id, "", input, null);
        var now = engine.Clock.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = request.InstanceId ?? InstanceIds.New(engine.Clock),
            WorkflowId = workflow.Id,
            WorkflowVersion = workflow.Version,
            Status = InstanceStatus.Running,
            CreatedAt = now,
            UpdatedAt = now,
            TriggerActivityId = trigger.Id,
            InputJson = input.Json,
            VariablesJson = workflow.Definition.Variables.ToJsonString(MessageJson.Options),
            StateJson = ExecutionStateSerializer.Serialize(state),
            ParentInstanceId = request.ParentInstanceId,
            ReplayOf = request.ReplayOf,
            CorrelationKey = request.CorrelationKey,
            AdHocDefinitionJson = workflow.AdHocJson,
        };
        // Claimed no later than its first commit: no other node may ever find it running without
        // an owner. An id generated here is new to everyone, so the creation commit itself carries
        // the claim; a given id (a child run's, a deduplicated delivery's) may be contended and was
        // claimed before (StartGivenIdAsync).
        var claim = request.InstanceId is null ? ownership.ClaimWithCreation() : null;
        if (claim is null && request.InstanceId is null)
        {
            await AcquireAsync(instance.Id, cancellationToken);
        }

        // The creation is committed with the trigger's step (one commit fewer per run); the caller
        // hears of the run only once it is durable.
        var run = new InstanceRun(engine, this, workflow, instance, state);
        run.PrepareCreation(claim);
        Launch(run);
        await run.Created.WaitAsync(cancellationToken);
        EngineLog.RunStarted(engine.Logger, instance.WorkflowId, instance.Id);
        return instance;
    }

    private void Launch(InstanceRun run)
    {
        lock (StripeOf(run.InstanceId))
        {
            runs[run.InstanceId] = run;
        }

        _ = Task.Run(run.RunAsync);
    }

    bool IInstanceHost.TryRelease(InstanceRun run)
    {
        lock (StripeOf(run.InstanceId))
        {
            if (run.HasQueuedEvents)
            {
                return false;
            }

            runs.TryRemove(new KeyValuePair<string, InstanceRun>(run.InstanceId, run));
            if (!run.LeaseReleased)
            {
                // The driver ended (suspended, faulted, or its last commit failed): whichever node resumes it next may take it.
                _ = ownership.ReleaseAsync(run.InstanceId, CancellationToken.None);
            }

            return true;
        }
    }

    LeaseChange? IInstanceHost.ReleaseWithEnd() => ownership.ReleaseWithEnd();

    private bool TryPost(string instanceId, InstanceEvent instanceEvent, out InstanceRun live)
    {
        lock (StripeOf(instanceId))
        {
            if (runs.TryGetValue(instanceId, out live!) && live.TryPost(instanceEvent))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<InstanceRun> LoadAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var workflow = instance.AdHocDefinitionJson is { } json
            ? compiler.Compile(DefinitionJson.DeserializeTrusted(json), json)
            : await GetCompiledAsync(instance.WorkflowId, instance.WorkflowVersion, cancellationToken);
        var state = ExecutionStateSerializer.Deserialize(instance.StateJson);
        var journal = state.Loops.Count > 0 ? await store.GetJournalAsync(instance.Id, null, cancellationToken) : null;
        return new InstanceRun(engine, this, workflow, instance, state, journal);
    }

    private async Task<ExecutableWorkflow> ResolveForStartAsync(StartRunRequest request, CancellationToken cancellationToken)
    {
        if (request.Definition is { } definition)
        {
            return compiler.Compile(definition, DefinitionJson.Serialize(definition));
        }

        var published = await store.GetPublishedAsync(request.WorkflowId, request.Version, cancellationToken)
                        ?? throw new NotFoundException(request.Version is { } v
                            ? $"Workflow '{request.WorkflowId}' has no published version {v}."
                            : $"Workflow '{request.WorkflowId}' has no published version.");
        if (published.Retired)
        {
            throw new NotFoundException($"Workflow '{request.WorkflowId}' was deleted; its version {published.Version} no longer starts runs.");
        }

        return compiled.GetOrAdd((published.Id, published.Version), _ => compiler.Compile(published.Definition));
    }

    private async Task<ExecutableWorkflow> ResolveForRetryAsync(WorkflowInstance instance, int? version, CancellationToken cancellationToken)
    {
        if (version is null)
        {
            return instance.AdHocDefinitionJson is { } json
                ? compiler.Compile(DefinitionJson.DeserializeTrusted(json), json)
                : await GetCompiledAsync(instance.WorkflowId, instance.WorkflowVersion, cancellationToken);
        }

        return await GetCompiledAsync(instance.WorkflowId, version.Value, cancellationToken);
    }

    private async Task<ExecutableWorkflow> GetCompiledAsync(string workflowId, int version, CancellationToken cancellationToken)
    {
        if (compiled.TryGetValue((workflowId, version), out var cached))
        {
            return cached;
        }

        var published = await store.GetPublishedAsync(workflowId, version, cancellationToken)
                        ?? throw new NotFoundException($"Workflow '{workflowId}' has no published version {version}.");
        return compiled.GetOrAdd((workflowId, version), _ => compiler.Compile(published.Definition));
    }

    private static void RequireActivities(ExecutableWorkflow workflow, ExecutionState state, string instanceId)
    {
        var missing = state.Tokens.Select(t => t.ActivityId)
            .Concat(state.Loops.Values.Select(l => l.ActivityId))
            .Concat(state.Joins.Values.Select(j => j.ActivityId))
            .Where(id => !workflow.Nodes.ContainsKey(id))
            .Distinct()
            .ToArray();
        if (missing.Length > 0)
        {
            throw new ConflictException(
                $"Run {instanceId} cannot move to version {workflow.Version}: it has no activity {string.Join(", ", missing.Select(m => $"'{m}'"))}, where the run is waiting.");
        }
    }

    private async Task<WorkflowInstance> GetExistingAsync(string instanceId, CancellationToken cancellationToken)
        => await store.GetAsync(instanceId, cancellationToken)
           ?? throw new NotFoundException($"There is no run with id '{instanceId}'.");

    /// <summary>
    /// The stored instance, after letting a driver that has already committed a final status
    /// (faulted, suspended, completed) exit, so the caller never races a driver on its way out.
    /// </summary>
    private async Task<WorkflowInstance> GetSettledAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await GetExistingAsync(instanceId, cancellationToken);
        if (instance.Status != InstanceStatus.Running && runs.TryGetValue(instanceId, out var leaving))
        {
            await leaving.Finished.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            instance = await GetExistingAsync(instanceId, cancellationToken);
        }

        return instance;
    }

    private async Task<bool> WaitsOnlyForChildrenAsync(WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var bookmarks = await store.GetBookmarksAsync(instance.Id, cancellationToken);
        return bookmarks.Count > 0 && bookmarks.All(b => b.Name == InstanceRun.ChildBookmarkName);
    }

    private static JournalEntry OperatorEntry(WorkflowInstance instance, DateTimeOffset at, string what) => new()
    {
        InstanceId = instance.Id,
        Sequence = instance.JournalLength,
        Kind = JournalEntryKind.Operator,
        ActivityId = "",
        StartedAt = at,
        CompletedAt = at,
        OutputJson = new JsonObject { ["action"] = what }.ToJsonString(),
    };

    /// <summary>Takes the run for this node, or says which situation keeps it from doing so.</summary>
    private async Task AcquireAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!await ownership.TryAcquireAsync(instanceId, cancellationToken))
        {
            // Another node drives it right now; a resume or an operator action is tried again later.
            throw HeldByAnotherNode(instanceId);
        }
    }

    private static ServicesSyncException HeldByAnotherNode(string instanceId)
        => new($"Run {instanceId} is being executed by another node; try again shortly.", ErrorKind.Transient);

    private async Task<T> WithGateAsync<T>(string instanceId, Func<Task<T>> action)
    {
        var gate = GateOf(instanceId);
        await gate.WaitAsync();
        try
        {
            return await action();
        }
        finally
        {
            gate.Release();
        }
    }

    private void ThrowIfShuttingDown()
    {
        if (shuttingDown)
        {
            throw new ServicesSyncException("The runtime is shutting down; try again shortly.", ErrorKind.Transient);
        }
    }

    private Lock StripeOf(string instanceId) => stripes[StripeIndex(instanceId)];

    private SemaphoreSlim GateOf(string instanceId) => gates[StripeIndex(instanceId)];

    private static int StripeIndex(string instanceId) => (int)((uint)StringComparer.Ordinal.GetHashCode(instanceId) % StripeCount);
}
