namespace ServicesSync.Persistence;

/// <summary>
/// One step of a run as it happened: what went in, what came out, which outcomes were taken,
/// which attempt it was and how long it took. Written before the next step starts.
/// </summary>
public sealed record JournalEntry
{
    public required string InstanceId { get; init; }

    /// <summary>0-based position in the instance's journal.</summary>
    public required long Sequence { get; init; }

    public required JournalEntryKind Kind { get; init; }

    public required string ActivityId { get; init; }

    public string ActivityType { get; init; } = "";

    /// <summary>Empty at top level; <c>loop[3]</c> inside item 3 of the for-each <c>loop</c>.</summary>
    public string Scope { get; init; } = "";

    public int Attempt { get; init; } = 1;

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public string? InputJson { get; init; }

    public string? OutputJson { get; init; }

    public IReadOnlyList<string> Outcomes { get; init; } = [];

    public ErrorInfo? Error { get; init; }

    /// <summary>For <see cref="JournalEntryKind.ItemCompleted"/>: the for-each execution and item index.</summary>
    public string? LoopKey { get; init; }

    public int? ItemIndex { get; init; }
}

public enum JournalEntryKind
{
    /// <summary>The activity finished and its outcomes were taken.</summary>
    Completed,

    /// <summary>One attempt failed; a retry follows.</summary>
    AttemptFailed,

    /// <summary>Retries are exhausted: an incident.</summary>
    Faulted,

    /// <summary>The activity waits on a bookmark.</summary>
    Suspended,

    /// <summary>The message was parked in the dead-letter list.</summary>
    DeadLettered,

    /// <summary>One item of a for-each finished; its output is the item's result.</summary>
    ItemCompleted,

    /// <summary>The run was cancelled, retried or otherwise changed by an operator.</summary>
    Operator,
}
