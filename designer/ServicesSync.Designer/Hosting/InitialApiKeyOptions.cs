namespace ServicesSync.Designer.Hosting;

/// <summary>Where the first key is written and printed.</summary>
internal sealed record InitialApiKeyOptions(string DataDirectory, TextWriter Console)
{
    public const string FileName = "initial-api-key.txt";

    public string FilePath => Path.Combine(DataDirectory, FileName);
}
