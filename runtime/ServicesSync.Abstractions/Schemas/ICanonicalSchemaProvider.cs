namespace ServicesSync.Schemas;

/// <summary>
/// The versioned JSON Schemas of the canonical entities (worker, time entry, rate card…), served
/// by the API for designer completion and validation. The canonical model registers the
/// implementation; the API only knows this seam, so it does not depend on the activity library.
/// </summary>
public interface ICanonicalSchemaProvider
{
    /// <summary>Every schema, by entity name then version.</summary>
    IReadOnlyList<CanonicalSchemaInfo> Schemas { get; }

    /// <summary>
    /// The schema text of <paramref name="entity"/> (case-sensitive, e.g. <c>timeEntry</c>) in
    /// <paramref name="version"/>, or in its latest version when null; null when there is none.
    /// </summary>
    string? GetSchema(string entity, int? version = null);
}

/// <summary>One published schema: the entity it describes, its version and its <c>$id</c>.</summary>
public sealed record CanonicalSchemaInfo(string Entity, int Version, string Id, string Title, bool Latest);
