using ServicesSync.Errors;

namespace ServicesSync.Connections;

/// <summary>Runs the probe of a connection's type and reports the outcome as data (never a secret).</summary>
public sealed class ConnectionTester(IConnectionService connections, IConnectionHttp http, IEnumerable<IConnectionProbe> probes, TimeProvider clock)
{
    public async Task<ConnectionTestResult> TestAsync(string id, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            var connection = await connections.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var probe = probes.LastOrDefault(p => p.Type == connection.Type);
            var detail = probe is null
                ? await ProbeBaseUrlAsync(connection, cancellationToken).ConfigureAwait(false)
                : await probe.ProbeAsync(connection, cancellationToken).ConfigureAwait(false);
            return new ConnectionTestResult(true, detail, null, Elapsed(started));
        }
        catch (ServicesSyncException ex)
        {
            return new ConnectionTestResult(false, ex.Message, ex.Kind, Elapsed(started));
        }
    }

    private async Task<string> ProbeBaseUrlAsync(Connection connection, CancellationToken cancellationToken)
    {
        // Any answer but a refusal of the credentials shows the host is reachable and accepts them.
        var accepted = Enumerable.Range(400, 100).Where(s => s is not (401 or 403 or 407 or 408 or 429)).ToArray();
        var response = await http.SendAsync(
            connection, new ConnectionRequest(HttpMethod.Get, "") { AcceptStatus = accepted }, cancellationToken).ConfigureAwait(false);
        return $"GET {connection.BaseUri.GetLeftPart(UriPartial.Path)} answered {response.Status}.";
    }

    private long Elapsed(long started) => (long)clock.GetElapsedTime(started).TotalMilliseconds;
}

/// <summary>The answer of <c>POST /api/v1/connections/{id}/test</c>.</summary>
public sealed record ConnectionTestResult(bool Ok, string Message, ErrorKind? ErrorKind, long ElapsedMilliseconds);
