using ServicesSync.Canonical;

namespace ServicesSync.Connectors.Common;

/// <summary>
/// The key an entity is filed under in a target system (an external id, a party code): its
/// canonical id when the cross-reference table knows one, else the reference itself. Posting a
/// worker and posting time that refers to it then agree on one key.
/// </summary>
internal static class CanonicalKeys
{
    public static async Task<string> OfAsync(ICanonicalLookup lookup, string entity, ExternalRef reference, CancellationToken ct)
    {
        if (reference.IsCanonical)
        {
            return reference.ToString();
        }

        var canonicalId = await lookup.CanonicalIdAsync(entity, reference, ct).ConfigureAwait(false);
        return canonicalId is null ? reference.ToString() : ExternalRef.Canonical(canonicalId).ToString();
    }
}

internal interface ICanonicalLookup
{
    Task<string?> CanonicalIdAsync(string entity, ExternalRef reference, CancellationToken ct);
}
