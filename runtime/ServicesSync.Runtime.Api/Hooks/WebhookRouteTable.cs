using System.Collections.Frozen;
using ServicesSync.Execution.Triggers;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// Hook paths of every active published workflow. Built from the trigger index and rebuilt
/// whenever the index hands out a new set of bindings (after a publish or delete here, or within
/// 30 s of one made by another process); between changes a lookup is a dictionary read.
/// </summary>
internal sealed class WebhookRouteTable(ITriggerIndex index)
{
    private Snapshot snapshot = new([], FrozenDictionary<string, WebhookSettings[]>.Empty);

    /// <summary>The hooks registered at <paramref name="path"/> (any method); empty when none.</summary>
    public async ValueTask<IReadOnlyList<WebhookSettings>> FindAsync(string path, CancellationToken cancellationToken)
    {
        var bindings = await index.GetAsync(PlatformActivityTypes.WebhookTrigger, cancellationToken);
        var current = snapshot;
        if (!ReferenceEquals(current.Bindings, bindings))
        {
            current = new Snapshot(bindings, Build(bindings));
            snapshot = current;
        }

        return current.ByPath.TryGetValue(WebhookSettings.NormalisePath(path), out var hooks) ? hooks : [];
    }

    private static FrozenDictionary<string, WebhookSettings[]> Build(IReadOnlyList<TriggerBinding> bindings)
        => bindings.Select(WebhookSettings.From)
            .Where(h => h.Path.Length > 0)
            .GroupBy(h => h.Path, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(h => h.WorkflowId, StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private sealed record Snapshot(IReadOnlyList<TriggerBinding> Bindings, FrozenDictionary<string, WebhookSettings[]> ByPath);
}
