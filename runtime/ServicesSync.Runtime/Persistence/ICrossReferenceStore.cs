namespace ServicesSync.Persistence;

/// <summary>
/// The cross-reference table: which id a canonical entity has in each system. One external id
/// of one entity type belongs to at most one canonical id, and a canonical id has at most one
/// id per system, so a lookup either finds exactly one answer or none; there is no fuzzy
/// matching anywhere behind it. Strings compare ordinally.
/// </summary>
/// <remarks>
/// Uniqueness includes the entity type: one system often reuses a number across kinds (Jira
/// project 10000 and issue 10000), so (system, id) alone is not an identity.
/// </remarks>
public interface ICrossReferenceStore
{
    /// <summary>The link of <paramref name="externalId"/> in <paramref name="system"/>, or null.</summary>
    Task<CrossReferenceRecord?> FindCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken);

    /// <summary>Every link of a canonical id, by system name.</summary>
    Task<IReadOnlyList<CrossReferenceRecord>> ListCrossReferencesAsync(string entityType, string canonicalId, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a link. Linking the same pair again is <see cref="CrossReferenceLinkStatus.Unchanged"/>;
    /// a link that contradicts a stored one (the external id already belongs to another canonical
    /// id, or the canonical id already has another id in that system) is
    /// <see cref="CrossReferenceLinkStatus.Conflict"/> and changes nothing.
    /// </summary>
    Task<CrossReferenceLinkResult> LinkCrossReferenceAsync(CrossReferenceRecord record, CancellationToken cancellationToken);

    /// <summary>Removes the link of an external id; false when there was none.</summary>
    Task<bool> UnlinkCrossReferenceAsync(string entityType, string system, string externalId, CancellationToken cancellationToken);
}

/// <summary>One link: the canonical <paramref name="CanonicalId"/> of an entity is <paramref name="ExternalId"/> in <paramref name="System"/>.</summary>
public sealed record CrossReferenceRecord(string EntityType, string CanonicalId, string System, string ExternalId, DateTimeOffset LinkedAt);

public enum CrossReferenceLinkStatus
{
    Created,
    Unchanged,
    Conflict,
}

/// <summary>What a link did; <see cref="Record"/> is the stored link, or the one that conflicts.</summary>
public sealed record CrossReferenceLinkResult(CrossReferenceLinkStatus Status, CrossReferenceRecord Record);
