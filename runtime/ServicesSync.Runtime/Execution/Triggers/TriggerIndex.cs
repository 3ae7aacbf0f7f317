using ServicesSync.Persistence;

namespace ServicesSync.Execution.Triggers;

/// <summary>
/// Built from the store's active published versions. Refreshed on demand (the API calls it on
/// publish and delete) and at most <see cref="MaxAge"/> after the last build, so a change made by
/// another process on the same store is also seen.
/// </summary>
internal sealed class TriggerIndex(IDefinitionStore store, Registry.IActivityRegistry registry, TimeProvider clock) : ITriggerIndex, IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Dictionary<string, TriggerBinding[]> byType = new(StringComparer.Ordinal);
    private string signature = "";
    private DateTimeOffset builtAt = DateTimeOffset.MinValue;

    public event EventHandler? Changed;

    public void Dispose() => gate.Dispose();

    public async Task<IReadOnlyList<TriggerBinding>> GetAsync(string triggerType, CancellationToken cancellationToken)
    {
        if (clock.GetUtcNow() - builtAt > MaxAge)
        {
            await RefreshAsync(cancellationToken);
        }

        return byType.TryGetValue(triggerType, out var bindings) ? bindings : [];
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        bool changed;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var active = await store.ListActiveAsync(cancellationToken);
            var bindings = active
                .SelectMany(w => w.Definition.Activities
                    .Where(a => registry.TryFind(a.Type, a.TypeVersion, out var r) && r.Descriptor.IsTrigger)
                    .Select(a => new TriggerBinding(w.Id, w.Version, a)))
                .ToArray();
            var next = string.Join('\n', bindings.Select(b => $"{b.WorkflowId}/{b.Version}/{b.Trigger.Id}"));
            byType = bindings.GroupBy(b => b.Trigger.Type, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
            builtAt = clock.GetUtcNow();
            changed = next != signature;
            signature = next;
        }
        finally
        {
            gate.Release();
        }

        if (changed)
        {
            Changed?.Invoke(this, EventArgs.Empty);
        }
    }
}
