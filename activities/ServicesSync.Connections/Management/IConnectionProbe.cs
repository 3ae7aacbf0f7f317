namespace ServicesSync.Connections;

/// <summary>
/// A cheap authenticated call that proves a connection works, one per connection type;
/// connectors register theirs. Types without one get an authenticated GET of the base URL.
/// </summary>
public interface IConnectionProbe
{
    string Type { get; }

    /// <summary>Returns what was checked (e.g. "logged in as admin"); throws a <see cref="Errors.ServicesSyncException"/> when it fails.</summary>
    Task<string> ProbeAsync(Connection connection, CancellationToken cancellationToken);
}
