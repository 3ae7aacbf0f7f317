namespace ServicesSync.Persistence.Transfer;

/// <summary>
/// Records as a store holds them, ids, version numbers, times, ETags and encrypted secrets
/// included. An export hands out one kind per batch; an import writes any mix.
/// </summary>
public sealed record StoreBatch
{
    public IReadOnlyList<WorkflowDraft> Drafts { get; init; } = [];

    /// <summary>Published versions, retired ones included, with their numbers, times and publishers.</summary>
    public IReadOnlyList<PublishedWorkflow> Versions { get; init; } = [];

    public IReadOnlyList<WorkflowInstance> Instances { get; init; } = [];

    public IReadOnlyList<JournalEntry> Journal { get; init; } = [];

    public IReadOnlyList<BookmarkRecord> Bookmarks { get; init; } = [];

    /// <summary>Open and closed dead letters.</summary>
    public IReadOnlyList<DeadLetterEntry> DeadLetters { get; init; } = [];

    /// <summary>Pending and dispatched events.</summary>
    public IReadOnlyList<OutboxEvent> Events { get; init; } = [];

    public IReadOnlyList<IdempotencyRecord> IdempotencyRecords { get; init; } = [];

    /// <summary>API keys, revoked ones included (hashes only, as stored).</summary>
    public IReadOnlyList<ApiKeyRecord> ApiKeys { get; init; } = [];

    /// <summary>Connections with their secrets still encrypted: a copy never decrypts.</summary>
    public IReadOnlyList<ConnectionRecord> Connections { get; init; } = [];

    public IReadOnlyList<CrossReferenceRecord> CrossReferences { get; init; } = [];

    public IReadOnlyList<ScheduleRecord> Schedules { get; init; } = [];

    /// <summary>Firing records, claimed and completed.</summary>
    public IReadOnlyList<ScheduleFiring> ScheduleFirings { get; init; } = [];

    public IReadOnlyList<WatermarkRecord> Watermarks { get; init; } = [];

    public StoreCounts Counts => new(new Dictionary<StoreRecordKind, long>
    {
        [StoreRecordKind.Drafts] = Drafts.Count,
        [StoreRecordKind.Versions] = Versions.Count,
        [StoreRecordKind.Instances] = Instances.Count,
        [StoreRecordKind.Journal] = Journal.Count,
        [StoreRecordKind.Bookmarks] = Bookmarks.Count,
        [StoreRecordKind.DeadLetters] = DeadLetters.Count,
        [StoreRecordKind.Events] = Events.Count,
        [StoreRecordKind.IdempotencyRecords] = IdempotencyRecords.Count,
        [StoreRecordKind.ApiKeys] = ApiKeys.Count,
        [StoreRecordKind.Connections] = Connections.Count,
        [StoreRecordKind.CrossReferences] = CrossReferences.Count,
        [StoreRecordKind.Schedules] = Schedules.Count,
        [StoreRecordKind.ScheduleFirings] = ScheduleFirings.Count,
        [StoreRecordKind.Watermarks] = Watermarks.Count,
    });
}
