using ServicesSync.Connections;

namespace ServicesSync.Connectors.NetSuite;

/// <summary>Reads the record API's metadata catalog: proves account, URL and token together.</summary>
internal sealed class NetSuiteProbe(IConnectionHttp http) : IConnectionProbe
{
    public string Type => ConnectionTypes.NetSuite;

    public async Task<string> ProbeAsync(Connection connection, CancellationToken cancellationToken)
    {
        var response = await http.SendAsync(connection, new ConnectionRequest(HttpMethod.Get, NetSuiteRecords.BasePath + "metadata-catalog"), cancellationToken)
            .ConfigureAwait(false);
        return $"The record API answered {response.Status} with the token of connection '{connection.Id}'.";
    }
}
