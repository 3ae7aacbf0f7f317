using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServicesSync.Errors;
using ServicesSync.Idempotency;
using ServicesSync.Json;

namespace ServicesSync.Activities;

/// <summary>
/// One execution of one activity: the incoming message, the node's resolved inputs, the
/// workflow variables and the run's identity. Time comes from <see cref="Clock"/>, never from
/// <see cref="DateTime.Now"/>, so that tests and replays are deterministic.
/// </summary>
public sealed class ActivityContext
{
    private object? boundInputs;
    private List<KeyValuePair<string, JsonNode?>>? variableChanges;
    private List<PublishedEvent>? publishedEvents;

    public required string WorkflowId { get; init; }

    public required int WorkflowVersion { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityType { get; init; }

    /// <summary>Where in the run this execution sits: empty at top level, <c>loop[3]</c> inside a for-each item.</summary>
    public string Scope { get; init; } = "";

    /// <summary>1 for the first try; incremented by each retry of this activity.</summary>
    public int Attempt { get; init; } = 1;

    /// <summary>The message that arrived on the incoming connection.</summary>
    public JsonNode? Input { get; init; }

    /// <summary>The node's inputs after expressions were evaluated: plain JSON.</summary>
    public JsonObject Inputs { get; init; } = [];

    /// <summary>Workflow variables as they were when this execution started. Treat as read-only.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; init; } = new Dictionary<string, JsonNode?>();

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public required IIdempotencyService Idempotency { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>Variable assignments made by this execution, applied by the engine when it completes.</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> VariableChanges
        => (IReadOnlyList<KeyValuePair<string, JsonNode?>>?)variableChanges ?? [];

    /// <summary>Sets a workflow variable; the change is journaled with this activity's completion.</summary>
    public void SetVariable(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        (variableChanges ??= []).Add(new(name, value));
    }

    /// <summary>Events published by this execution, written to the outbox with its completion.</summary>
    public IReadOnlyList<PublishedEvent> PublishedEvents => (IReadOnlyList<PublishedEvent>?)publishedEvents ?? [];

    /// <summary>
    /// Publishes a business event (<c>worker.activated</c>). It is stored with this activity's
    /// completion, in the same commit, and then starts every workflow subscribed to it and resumes
    /// every run waiting for it (with the same correlation key) — each exactly once.
    /// </summary>
    public void PublishEvent(string name, JsonNode? payload, string? correlationKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        (publishedEvents ??= []).Add(new PublishedEvent(name, payload, correlationKey));
    }

    /// <summary>
    /// A key that is the same for every retry and every resume of this execution, for activities
    /// that need no business key of their own.
    /// </summary>
    public string ExecutionKey => Scope.Length == 0
        ? $"{InstanceId}/{ActivityId}"
        : $"{InstanceId}/{Scope}/{ActivityId}";

    /// <summary>Binds <see cref="Inputs"/> to a typed inputs object (once per execution).</summary>
    public TInputs GetInputs<TInputs>()
        where TInputs : class, new()
    {
        if (boundInputs is TInputs cached)
        {
            return cached;
        }

        try
        {
            var bound = Inputs.Deserialize<TInputs>(ActivityJson.Options) ?? new TInputs();
            boundInputs = bound;
            return bound;
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "" : $" at '{ex.Path.TrimStart('$', '.')}'";
            throw new ServicesSyncException(
                $"Activity '{ActivityId}' ({ActivityType}): input{where} has the wrong shape: {ex.Message}",
                ErrorKind.Validation);
        }
    }
}
