namespace ServicesSync.Execution.Triggers;

/// <summary>
/// The triggers of every active published workflow, by trigger type. Webhook routes, schedules and
/// event subscriptions are built from it and rebuilt when it changes.
/// </summary>
public interface ITriggerIndex
{
    /// <summary>Raised after the index was rebuilt with a different set of triggers.</summary>
    event EventHandler? Changed;

    Task<IReadOnlyList<TriggerBinding>> GetAsync(string triggerType, CancellationToken cancellationToken);

    /// <summary>Call after a publish or a delete: the next read rebuilds the index and listeners hear of it.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
