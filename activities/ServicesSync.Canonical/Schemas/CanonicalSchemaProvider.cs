using System.Text.Json.Nodes;
using ServicesSync.Schemas;

namespace ServicesSync.Canonical;

/// <summary>
/// Serves the schemas embedded as <c>Schemas/{entity}/{version}.json</c>. They are read once:
/// the set is fixed at build time, and a schema that is not valid JSON fails the first request
/// loudly instead of being skipped.
/// </summary>
internal sealed class CanonicalSchemaProvider : ICanonicalSchemaProvider
{
    private const string Prefix = "ServicesSync.Canonical.Schemas.";

    private static readonly Lazy<Catalog> Loaded = new(Load);

    public IReadOnlyList<CanonicalSchemaInfo> Schemas => Loaded.Value.Infos;

    public string? GetSchema(string entity, int? version = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var catalog = Loaded.Value;
        var info = catalog.Infos.FirstOrDefault(i => i.Entity == entity && (version is null ? i.Latest : i.Version == version));
        return info is null ? null : catalog.Texts[(info.Entity, info.Version)];
    }

    private static Catalog Load()
    {
        var assembly = typeof(CanonicalSchemaProvider).Assembly;
        var found = new List<(string Entity, int Version, string Text, JsonObject Schema)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            // "worker/1.json" (the folder separator is kept as written by the build).
            var relative = name[Prefix.Length..];
            var slash = relative.IndexOfAny(['/', '\\']);
            if (slash <= 0 || !relative.EndsWith(".json", StringComparison.Ordinal)
                || !int.TryParse(relative[(slash + 1)..^5], out var version))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            var schema = JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidOperationException($"The canonical schema {relative} is not a JSON object.");
            found.Add((relative[..slash], version, text, schema));
        }

        var latest = found.GroupBy(f => f.Entity).ToDictionary(g => g.Key, g => g.Max(f => f.Version), StringComparer.Ordinal);
        var infos = found
            .OrderBy(f => f.Entity, StringComparer.Ordinal)
            .ThenBy(f => f.Version)
            .Select(f => new CanonicalSchemaInfo(
                f.Entity,
                f.Version,
                (string?)f.Schema["$id"] ?? "",
                (string?)f.Schema["title"] ?? f.Entity,
                latest[f.Entity] == f.Version))
            .ToList();
        return new Catalog(infos, found.ToDictionary(f => (f.Entity, f.Version), f => f.Text));
    }

    private sealed record Catalog(IReadOnlyList<CanonicalSchemaInfo> Infos, Dictionary<(string, int), string> Texts);
}
