using System.Globalization;
using System.Reflection;

namespace ServicesSync.Persistence.PostgreSql.Schema;

/// <summary>The migrations this build knows, in order; the last one is the schema it runs on.</summary>
internal static class SchemaMigrations
{
    private const string Prefix = "ServicesSync.PostgreSql.Migrations.";

    public static IReadOnlyList<Migration> All { get; } = Load();

    public static int LatestVersion => All[^1].Version;

    private static Migration[] Load()
    {
        var assembly = typeof(SchemaMigrations).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToArray();
        for (var i = 0; i < migrations.Length; i++)
        {
            // A gap or a repeated number would make "the schema is at version N" ambiguous.
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"The PostgreSQL migrations are numbered wrongly: expected {i + 1}, found {migrations[i].Version} ({migrations[i].Name}).");
            }
        }

        return migrations;
    }

    private static Migration Read(Assembly assembly, string resource)
    {
        var file = resource[Prefix.Length..^".sql".Length];
        var separator = file.IndexOf('_', StringComparison.Ordinal);
        var version = int.Parse(file[..separator], NumberStyles.None, CultureInfo.InvariantCulture);
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, file[(separator + 1)..], reader.ReadToEnd());
    }
}
