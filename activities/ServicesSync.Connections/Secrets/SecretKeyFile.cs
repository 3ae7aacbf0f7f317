namespace ServicesSync.Connections.Secrets;

/// <summary>A generated key kept in a file readable by its owner only.</summary>
internal static class SecretKeyFile
{
    public static (SecretKey Key, bool Created) LoadOrCreate(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            return (Read(path), false);
        }

        var key = SecretKey.Generate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(Convert.ToBase64String(key.Material));
            writer.Write('\n');
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs, or the two would encrypt with different keys.
            return (Read(path), false);
        }

        return (key, true);
    }

    private static SecretKey Read(string path)
        => SecretKey.Parse(File.ReadAllText(path), $"the key file {path}");
}
