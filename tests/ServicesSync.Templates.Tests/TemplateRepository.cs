using ServicesSync.Testing.Repository;

namespace ServicesSync.Templates.Tests;

/// <summary>The templates/ folder of the checkout the tests run from.</summary>
internal static class TemplateRepository
{
    public static string Root => RepositoryPaths.Root;

    public static string TemplatesDirectory => RepositoryPaths.TemplatesDirectory;

    /// <summary>Every folder under templates/, by name: each must be a complete, proven template.</summary>
    public static IEnumerable<string> Names()
        => Directory.GetDirectories(TemplatesDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);
}
