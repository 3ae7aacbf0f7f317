using ServicesSync.Canonical;
using ServicesSync.Persistence;

namespace ServicesSync.Connectors.Common;

/// <summary>
/// Finds the id an entity has in a target system through the cross-reference table, and
/// records new ids there after a post. Exact matches only: never a name match.
/// </summary>
internal sealed class CrossReferences(ICrossReferenceStore store, TimeProvider clock) : ICanonicalLookup
{
    public async Task<string?> CanonicalIdAsync(string entity, ExternalRef reference, CancellationToken ct)
        => reference.IsCanonical
            ? reference.Id
            : (await store.FindCrossReferenceAsync(entity, reference.System, reference.Id, ct).ConfigureAwait(false))?.CanonicalId;

    /// <summary>The id of <paramref name="reference"/> in <paramref name="targetSystem"/>, or null when not linked.</summary>
    public async Task<string?> FindAsync(string entityType, ExternalRef reference, string targetSystem, CancellationToken cancellationToken)
    {
        if (reference.System == targetSystem)
        {
            return reference.Id;
        }

        var canonicalId = reference.IsCanonical
            ? reference.Id
            : (await store.FindCrossReferenceAsync(entityType, reference.System, reference.Id, cancellationToken).ConfigureAwait(false))?.CanonicalId;
        if (canonicalId is null)
        {
            return null;
        }

        var links = await store.ListCrossReferencesAsync(entityType, canonicalId, cancellationToken).ConfigureAwait(false);
        return links.FirstOrDefault(l => l.System == targetSystem)?.ExternalId;
    }

    /// <summary>Links a canonical id to its new id in <paramref name="system"/>; a contradicting link is left alone.</summary>
    public async Task LinkAsync(string entityType, string? canonicalId, string system, string externalId, CancellationToken cancellationToken)
    {
        if (canonicalId is null)
        {
            return;
        }

        await store.LinkCrossReferenceAsync(
            new CrossReferenceRecord(entityType, canonicalId, system, externalId, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reference an entity is known by in target systems: its canonical id, else its first ref.</summary>
    public static ExternalRef? KeyOf(string? canonicalId, IReadOnlyList<ExternalRef> refs)
        => canonicalId is not null ? ExternalRef.Canonical(canonicalId) : refs.Count > 0 ? refs[0] : null;
}
