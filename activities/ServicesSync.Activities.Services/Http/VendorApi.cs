using System.Text.Json.Nodes;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Http;

/// <summary>
/// The readers' one way to a vendor: the connection named by the activity's <c>connection</c>
/// input (secrets decrypted per execution, never an input), checked to be of a type the reader
/// speaks, and GETs of JSON through the shared pipeline (auth, timeouts, retries honouring
/// <c>Retry-After</c>, circuit breaker, rate limit). Parsers never see any of this: they get the
/// JSON this hands back, so they are tested on stored payloads alone.
/// </summary>
internal sealed class VendorApi(IConnectionService connections, IConnectionHttp http)
{
    /// <summary>The connection named by <paramref name="id"/>; a Configuration error when it is of another type.</summary>
    public async Task<Connection> ConnectionAsync(ActivityContext context, string? id, params string[] acceptedTypes)
    {
        var name = context.Require(id, "connection");
        var connection = await connections.GetAsync(name, context.CancellationToken).ConfigureAwait(false);
        if (!acceptedTypes.Contains(connection.Type, StringComparer.Ordinal))
        {
            throw new ServicesSyncException(
                $"Activity '{context.ActivityId}' ({context.ActivityType}): connection '{name}' is of type '{connection.Type}', "
                + $"but this activity needs {string.Join(" or ", acceptedTypes.Select(t => $"'{t}'"))}.",
                ErrorKind.Configuration);
        }

        return connection;
    }

    /// <summary>
    /// GETs <paramref name="path"/> (relative to the connection's base URL, or absolute on its host)
    /// and returns the JSON body, or null for a status listed in <paramref name="notFound"/>.
    /// Failures are the pipeline's: 401/403 Configuration, 408/429/5xx Transient, other 4xx Permanent.
    /// </summary>
    public async Task<JsonNode?> GetJsonAsync(
        Connection connection, string path, IReadOnlyDictionary<string, string>? query, CancellationToken cancellationToken, params int[] notFound)
    {
        var request = new ConnectionRequest(HttpMethod.Get, path) { Query = query, AcceptStatus = notFound.Length == 0 ? null : notFound };
        var response = await http.SendAsync(connection, request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            return null;
        }

        // The pipeline hands back a non-JSON body as a string: an HTML login page or BambooHR's
        // XML (its default without Accept: application/json) must not read as an empty answer.
        if (response.Body is not (JsonObject or JsonArray))
        {
            var type = response.Headers.TryGetValue("content-type", out var contentType) ? contentType : "no content type";
            throw new ServicesSyncException(
                $"Connection '{connection.Id}' ({connection.Type}): GET {path.Split('?')[0]} answered {response.Status} with {(response.Body is null ? "an empty body" : $"a body that is not JSON ({type})")}; "
                + "check that the base URL points at the API.",
                ErrorKind.Permanent);
        }

        return response.Body;
    }

    /// <summary>
    /// POSTs a SOAP envelope to <paramref name="path"/> and returns the XML text of the answer. A
    /// read, so marked idempotent: the pipeline may retry it like a GET.
    /// </summary>
    public async Task<string> PostXmlAsync(Connection connection, string path, string envelope, string soapAction, CancellationToken cancellationToken)
    {
        var request = new ConnectionRequest(HttpMethod.Post, path)
        {
            Body = JsonValue.Create(envelope),
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/xml; charset=utf-8", ["SOAPAction"] = soapAction },
            Idempotent = true,
        };
        var response = await http.SendAsync(connection, request, cancellationToken).ConfigureAwait(false);
        return response.Body is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw new ServicesSyncException(
                $"Connection '{connection.Id}' ({connection.Type}): POST {path} ({soapAction}) answered {response.Status} with {(response.Body is null ? "an empty body" : "JSON")}, not XML; "
                + "check that the path names the SOAP service.",
                ErrorKind.Permanent);
    }

    /// <summary>
    /// POSTs a JSON read (a query language such as SuiteQL) and returns the JSON object it answers.
    /// A read, so marked idempotent: the pipeline may retry it like a GET.
    /// </summary>
    public async Task<JsonObject> PostJsonAsync(
        Connection connection, string path, IReadOnlyDictionary<string, string>? query, JsonObject body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        var request = new ConnectionRequest(HttpMethod.Post, path) { Query = query, Body = body, Headers = headers, Idempotent = true };
        var response = await http.SendAsync(connection, request, cancellationToken).ConfigureAwait(false);
        return response.Body as JsonObject
            ?? throw new ServicesSyncException(
                $"Connection '{connection.Id}' ({connection.Type}): POST {path} answered {response.Status} with {(response.Body is null ? "an empty body" : "a body that is not a JSON object")}; "
                + "check that the base URL points at the API.",
                ErrorKind.Permanent);
    }
}
