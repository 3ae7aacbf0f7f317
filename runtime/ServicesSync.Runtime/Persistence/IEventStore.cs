namespace ServicesSync.Persistence;

/// <summary>
/// The event outbox. Events enter through <see cref="IInstanceStore.CommitAsync"/> (with the step
/// that published them) or <see cref="AddEventAsync"/> (from outside a run).
/// </summary>
public interface IEventStore
{
    /// <summary>Adds an event published from outside a run (an API call); an existing id is left as it is.</summary>
    Task AddEventAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken);

    /// <summary>Events not dispatched yet, oldest first.</summary>
    Task<IReadOnlyList<OutboxEvent>> ListPendingEventsAsync(int max, CancellationToken cancellationToken);

    Task MarkEventDispatchedAsync(string id, DateTimeOffset dispatchedAt, CancellationToken cancellationToken);

    /// <summary>Deletes events dispatched before <paramref name="dispatchedBefore"/>; returns how many.</summary>
    Task<int> PruneDispatchedEventsAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken);
}
