namespace ServicesSync.Persistence.Transfer;

/// <summary>Every kind of record a store holds; a copy moves and counts each one.</summary>
public enum StoreRecordKind
{
    Drafts,
    Versions,
    Instances,
    Journal,
    Bookmarks,
    DeadLetters,
    Events,
    IdempotencyRecords,
    ApiKeys,
    Connections,
    CrossReferences,
    Schedules,
    ScheduleFirings,
    Watermarks,
}
