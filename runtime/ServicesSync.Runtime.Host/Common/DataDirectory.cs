namespace ServicesSync.Host.Common;

/// <summary>Where the store lives: <c>--data</c>, else <c>SERVICESSYNC_DATA</c>, else <c>./data</c>.</summary>
internal static class DataDirectory
{
    public const string EnvironmentVariable = "SERVICESSYNC_DATA";
    public const string Default = "data";

    public static string Resolve(string? option)
    {
        var path = option;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable(EnvironmentVariable);
        }

        return Path.GetFullPath(string.IsNullOrWhiteSpace(path) ? Default : path);
    }

    /// <summary>For commands that only read: a missing directory is a typo, not an empty store.</summary>
    public static string RequireExisting(string? option)
    {
        var path = Resolve(option);
        if (!Directory.Exists(path))
        {
            throw new CliException(ExitCodes.DataUnavailable, $"The data directory '{path}' does not exist; pass --data with the directory the server uses.");
        }

        return path;
    }

    /// <summary>For commands that write: creates the directory, or says why it cannot be used.</summary>
    public static string Create(string path)
    {
        try
        {
            Persistence.OwnerOnlyFiles.CreateDirectory(path);
            return path;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A path through a file, a read-only mount or a missing permission: not a bug, a place to change.
            throw new CliException(
                ExitCodes.DataUnavailable, $"Cannot create the data directory '{path}': {exception.Message} Pass --data with a writable directory.", exception);
        }
    }
}
