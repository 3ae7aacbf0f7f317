namespace ServicesSync.Persistence;

/// <summary>
/// The data directory holds the store, the logs and possibly the secrets key: other users of the
/// machine have no business reading any of it. Folders created here are mode 700 and the store's
/// files 600; a folder that already exists keeps the mode its operator gave it.
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode Directory700 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode File600 = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates <paramref name="path"/> (and missing parents) readable by the owner only; an existing folder is left as it is.</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, Directory700);
    }

    /// <summary>Makes an existing file readable and writable by its owner only.</summary>
    public static void Restrict(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path))
        {
            File.SetUnixFileMode(path, File600);
        }
    }
}
