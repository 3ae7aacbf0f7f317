using System.Text.Json.Nodes;

namespace ServicesSync.Execution.State;

/// <summary>
/// One execution of a for-each. Only the items in flight are kept here; the items array lives in
/// the journal entry <see cref="ItemsSequence"/> and each finished item's result in an
/// <c>ItemCompleted</c> journal entry, so the persisted state stays small for large batches.
/// </summary>
internal sealed class LoopState
{
    public required string ActivityId { get; init; }

    public required string Scope { get; init; }

    public required long ItemsSequence { get; init; }

    public required int Count { get; init; }

    public required int Parallelism { get; init; }

    /// <summary>Index of the next item to start.</summary>
    public int Next { get; set; }

    public int CompletedCount { get; set; }

    /// <summary>Items started and not finished, with the output of the last path that ended in them.</summary>
    public SortedDictionary<int, Message?> Active { get; } = [];

    /// <summary>The items, loaded from the journal after a restart. Not persisted here.</summary>
    public JsonArray? Items { get; set; }

    /// <summary>Results of finished items as JSON text, by index. Not persisted here.</summary>
    public string?[]? Results { get; set; }

    public string Key => ExecutionState.LoopKey(Scope, ActivityId);

    public string ItemScope(int index) => ExecutionState.ItemScope(Key, index);
}
