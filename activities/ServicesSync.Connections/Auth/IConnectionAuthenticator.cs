namespace ServicesSync.Connections.Auth;

/// <summary>
/// Puts a connection's credentials on each outgoing request. One instance per connection
/// version, so it may cache a token or a session between calls.
/// </summary>
internal interface IConnectionAuthenticator : IDisposable
{
    /// <summary>Adds credentials to a request built for one attempt (signatures are per request).</summary>
    ValueTask ApplyAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Called after a 401 or 403: drops cached credentials (an expired session, a revoked token)
    /// when fresh ones could help, and says whether to send the request once more.
    /// </summary>
    ValueTask<bool> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Values that must never appear in text leaving the pipeline, derived ones included.</summary>
    IEnumerable<string> SensitiveValues { get; }
}
