namespace ServicesSync.Persistence.LiteDb;

/// <summary>Where the embedded store keeps its data.</summary>
public sealed class LiteDbStoreOptions
{
    /// <summary>The name of the data file inside <see cref="DataDirectory"/>.</summary>
    public const string FileName = "servicessync.db";

    /// <summary>The data directory (<c>--data</c>); created when missing.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The full path of the data file.</summary>
    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), FileName);
}
