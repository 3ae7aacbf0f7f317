namespace ServicesSync.Testing.Repository;

/// <summary>The checkout the tests run from, found from the test's output directory: where templates/ and eng/ are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string TemplatesDirectory => Path.Combine(Root, "templates");

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
