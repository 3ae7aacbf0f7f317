namespace ServicesSync.Host.Serve;

/// <summary>
/// What <c>serve</c> was asked for on the command line. Anything left null comes from
/// configuration (<c>ServicesSync:DataDirectory</c>, <c>ServicesSync:WorkflowsDirectory</c>,
/// <c>urls</c>, <c>ServicesSync:Store:ConnectionString</c>) or the defaults.
/// </summary>
internal sealed record ServeSettings(string? Urls = null, string? DataDirectory = null, string? WorkflowsDirectory = null, bool Verbose = false, string? Store = null)
{
    public const string DefaultUrl = "http://localhost:5080";
    public const string DataDirectoryKey = "ServicesSync:DataDirectory";
    public const string WorkflowsDirectoryKey = "ServicesSync:WorkflowsDirectory";
    public const string BootstrapApiKeyVariable = "SERVICESSYNC_BOOTSTRAP_API_KEY";
}
