namespace ServicesSync.Designer.Hosting;

/// <summary>
/// Configuration keys and defaults of the designer host. They match <c>servicessync serve</c>, so
/// one data directory can be opened by either (not both at once: LiteDB locks the file).
/// </summary>
internal static class DesignerSettings
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Set by <c>--data DIR</c>, <c>ServicesSync__DataDirectory</c> or appsettings.</summary>
    public const string DataDirectoryKey = "ServicesSync:DataDirectory";

    /// <summary>The environment variable the CLI reads too.</summary>
    public const string DataDirectoryVariable = "SERVICESSYNC_DATA";

    public const string DefaultDataDirectory = "data";

    /// <summary>Folder of starter templates (<c>templates/&lt;name&gt;/workflow.json</c>); found by walking up from the current directory when unset.</summary>
    public const string TemplatesDirectoryKey = "ServicesSync:TemplatesDirectory";

    /// <summary>Short command-line switches mapped onto configuration keys.</summary>
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--data"] = DataDirectoryKey,
        ["--templates"] = TemplatesDirectoryKey,
        ["--store"] = Composition.Storage.StoreChoice.ConnectionStringKey,
    };

    public static string ResolveDataDirectory(IConfiguration configuration)
        => Path.GetFullPath(
            NonBlank(configuration[DataDirectoryKey])
            ?? NonBlank(configuration[DataDirectoryVariable])
            ?? DefaultDataDirectory);

    /// <summary>The configured folder, else the nearest <c>templates</c> folder above the current directory or the app; null when there is none.</summary>
    public static string? ResolveTemplatesDirectory(IConfiguration configuration)
    {
        if (NonBlank(configuration[TemplatesDirectoryKey]) is { } configured)
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "templates");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
