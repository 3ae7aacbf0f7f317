namespace ServicesSync.Testing.Host;

/// <summary>How <see cref="ServicesSyncProcess"/> starts <c>servicessync serve</c>.</summary>
public sealed class ServicesSyncProcessOptions
{
    /// <summary>The built <c>servicessync.dll</c>; by default the one beside the test assembly (a test project referencing the host has it).</summary>
    public string? ServerAssemblyPath { get; set; }

    /// <summary>The data directory; a new temporary one, deleted on dispose, when null.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Stored as the bootstrap key (every scope) through <c>SERVICESSYNC_BOOTSTRAP_API_KEY</c> on first start.</summary>
    public string ApiKey { get; set; } = "ss_test_" + Guid.NewGuid().ToString("N");

    /// <summary>More arguments after <c>serve --urls … --data …</c>, e.g. <c>--workflows DIR</c>.</summary>
    public IList<string> ExtraArguments { get; } = [];

    /// <summary>Environment variables for the child process (a null value removes the variable).</summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>How long to wait for <c>/health</c> to answer 200 after starting.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
