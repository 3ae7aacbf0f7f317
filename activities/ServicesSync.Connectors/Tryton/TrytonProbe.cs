using ServicesSync.Connections;

namespace ServicesSync.Connectors.Tryton;

/// <summary>Logs in and reads the user's preferences: proves URL, database, credentials and company.</summary>
internal sealed class TrytonProbe(TrytonRpc rpc) : IConnectionProbe
{
    public string Type => ConnectionTypes.Tryton;

    public async Task<string> ProbeAsync(Connection connection, CancellationToken cancellationToken)
    {
        rpc.Forget(connection);
        var context = await rpc.ContextAsync(connection, cancellationToken).ConfigureAwait(false);
        var company = (string?)context["company.rec_name"];
        return company is null
            ? $"Logged in to database '{connection.Definition.Auth.Database}'; the user has no current company yet."
            : $"Logged in to database '{connection.Definition.Auth.Database}' with company '{company}'.";
    }
}
