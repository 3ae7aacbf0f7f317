namespace ServicesSync.Templates.Tests;

/// <summary>Where the repository and its templates/ folder are, found from the test's output directory.</summary>
internal static class TemplateRepository
{
    public static string Root { get; } = FindRoot();

    public static string TemplatesDirectory => Path.Combine(Root, "templates");

    /// <summary>Every folder under templates/, by name: each must be a complete, proven template.</summary>
    public static IEnumerable<string> Names()
        => Directory.GetDirectories(TemplatesDirectory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServicesSync.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("ServicesSync.sln was not found above " + AppContext.BaseDirectory);
    }
}
