namespace ServicesSync.Connections;

/// <summary>
/// A connection ready to use: its definition and its decrypted secrets. Handed to connectors
/// only; the API and logs see <see cref="Definition"/> alone.
/// </summary>
public sealed class Connection(string id, ConnectionDefinition definition, ConnectionSecrets secrets, string etag)
{
    public string Id { get; } = id;

    public ConnectionDefinition Definition { get; } = definition;

    public ConnectionSecrets Secrets { get; } = secrets;

    /// <summary>Changes with every save, so cached state (sessions, tokens, circuit) follows edits.</summary>
    public string ETag { get; } = etag;

    public string Type => Definition.Type;

    public Uri BaseUri { get; } = new(definition.BaseUrl.EndsWith('/') ? definition.BaseUrl : definition.BaseUrl + "/", UriKind.Absolute);

    /// <summary>
    /// An ad-hoc connection for a bare URL (<c>http.request</c>): no credentials of its own, the
    /// default limits, and no quick retries (the activity's retry policy retries). Its id cannot
    /// be a saved connection's, and one per scheme and host shares a circuit breaker.
    /// </summary>
    public static Connection ForUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var origin = url.GetLeftPart(UriPartial.Authority);
        var definition = new ConnectionDefinition
        {
            Type = ConnectionTypes.Rest,
            BaseUrl = origin + "/",
            Resilience = new ConnectionResilience { MaxRetries = 0 },
        };
        return new Connection("url:" + origin, definition, ConnectionSecrets.Empty, "ad-hoc") { IsAdHoc = true };
    }

    /// <summary>Made by <see cref="ForUrl"/>: errors then name the request alone, as the caller sees it.</summary>
    public bool IsAdHoc { get; private init; }

    public override string ToString() => $"connection '{Id}' ({Type})";
}
