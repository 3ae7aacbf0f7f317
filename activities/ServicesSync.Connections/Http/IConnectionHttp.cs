namespace ServicesSync.Connections;

/// <summary>
/// The one outbound HTTP pipeline every connector uses: authentication per request, per-attempt
/// timeout, quick retries with jitter that honour <c>Retry-After</c>, a circuit breaker and a
/// rate limit per connection, and failures as <see cref="Errors.ServicesSyncException"/>s whose
/// kind says whether the activity's retry policy should try again.
/// </summary>
public interface IConnectionHttp
{
    /// <summary>
    /// Sends <paramref name="request"/>; returns 2xx responses and those listed in
    /// <see cref="ConnectionRequest.AcceptStatus"/>, throws for everything else.
    /// </summary>
    Task<ConnectionResponse> SendAsync(Connection connection, ConnectionRequest request, CancellationToken cancellationToken);
}
