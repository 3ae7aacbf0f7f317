using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Execution.State;

namespace ServicesSync.Execution.Instances;

/// <summary>Something that happened to an instance, delivered to its driver loop in order.</summary>
internal abstract record InstanceEvent;

/// <summary>An activity execution finished: with a result, or with an error after its retries.</summary>
internal sealed record Completion(
    Token Token,
    ActivityResult? Result,
    Exception? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset CompletedAt,
    int Attempts,
    IReadOnlyList<KeyValuePair<string, JsonNode?>> VariableChanges,
    IReadOnlyList<PublishedEvent>? Events = null) : InstanceEvent;

/// <summary>One attempt failed and a retry follows (journaled for the operator, changes nothing).</summary>
internal sealed record AttemptFailed(Token Token, int Attempt, Exception Error, DateTimeOffset At) : InstanceEvent;

/// <summary>A bookmark of this instance is resumed; <see cref="Accepted"/> completes once that is durable.</summary>
internal sealed record ResumeRequested(Persistence.BookmarkRecord Bookmark, JsonNode? Input, bool TimedOut, TaskCompletionSource Accepted) : InstanceEvent;

/// <summary>An operator cancelled the run.</summary>
internal sealed record CancelRequested : InstanceEvent;
