using System.Text.Json.Nodes;

namespace ServicesSync.Connections;

/// <summary>
/// One call through a connection. A class, not a record, so no generated ToString prints headers.
/// </summary>
public sealed class ConnectionRequest
{
    public ConnectionRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        Method = method;
        Path = path;
    }

    public HttpMethod Method { get; }

    /// <summary>Relative to the connection's base URL (a leading '/' is ignored), or absolute on the same host.</summary>
    public string Path { get; }

    public IReadOnlyDictionary<string, string>? Query { get; init; }

    /// <summary>Sent as <c>application/json</c>.</summary>
    public JsonNode? Body { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>
    /// Whether sending twice is harmless. Defaults from the method (GET, HEAD, PUT, DELETE, OPTIONS);
    /// a request that is not idempotent is retried only when it surely did not arrive (429, refused connection).
    /// </summary>
    public bool? Idempotent { get; init; }

    /// <summary>Non-2xx statuses handed back instead of failing, e.g. 404 for a lookup.</summary>
    public IReadOnlyCollection<int>? AcceptStatus { get; init; }

    /// <summary>
    /// Values of this request as secret as the connection's own (a credential in a header or
    /// the query of an ad-hoc call): redacted like them from everything that leaves the pipeline.
    /// </summary>
    public IReadOnlyCollection<string>? Secrets { get; init; }

    /// <summary>Overrides the connection's per-attempt timeout.</summary>
    public TimeSpan? Timeout { get; init; }

    internal bool IsIdempotent
        => Idempotent ?? (Method == HttpMethod.Get || Method == HttpMethod.Head || Method == HttpMethod.Put
                          || Method == HttpMethod.Delete || Method == HttpMethod.Options);
}
