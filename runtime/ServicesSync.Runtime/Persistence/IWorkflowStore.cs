namespace ServicesSync.Persistence;

/// <summary>
/// The one persistence abstraction: a store implements every part, so a deployment swaps
/// LiteDB for PostgreSQL in one place.
/// </summary>
public interface IWorkflowStore : IDefinitionStore, IInstanceStore, IDeadLetterStore, IIdempotencyStore, IApiKeyStore, IEventStore, IConnectionStore, ICrossReferenceStore, IScheduleStore, IWatermarkStore, IAsyncDisposable
{
    /// <summary>A human-readable description of what is guaranteed when a commit returns.</summary>
    string DurabilityDescription { get; }
}
