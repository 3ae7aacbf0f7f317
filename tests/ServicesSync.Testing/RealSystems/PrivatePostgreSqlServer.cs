namespace ServicesSync.Testing.RealSystems;

/// <summary>
/// A PostgreSQL cluster of one test's own, for fault tests that kill the database server: the
/// shared one of <see cref="PostgreSqlServer"/> stays up for everybody else.
/// </summary>
public sealed class PrivatePostgreSqlServer
{
    private readonly Dictionary<string, string> settings;

    private PrivatePostgreSqlServer(string name, int port, string connectionString)
    {
        settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["PG_NAME"] = name, ["PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        ConnectionString = connectionString;
    }

    /// <summary>The superuser connection string of this cluster.</summary>
    public string ConnectionString { get; }

    public static async Task<PrivatePostgreSqlServer> StartAsync(string name, int port)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["PG_NAME"] = name, ["PG_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var started = await RealSystemScript.RunAsync("postgres.sh", "start", environment);
        return new PrivatePostgreSqlServer(name, port, started["PG_CONNECTION"]);
    }

    /// <summary>SIGKILL of the postmaster: a database crash.</summary>
    public Task KillAsync() => RealSystemScript.RunAsync("postgres.sh", "kill", settings);

    /// <summary>Starts the server again on the same data (crash recovery runs).</summary>
    public Task RestartAsync() => RealSystemScript.RunAsync("postgres.sh", "start", settings);
}
