using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;
using ServicesSync.Idempotency;

namespace ServicesSync.Connectors.Rest;

/// <summary>
/// Any REST call through a connection: its auth, rate limit, circuit and quick retries apply,
/// unlike the connection-less <c>http.request</c>.
/// </summary>
[Activity(ConnectorActivityTypes.RestRequest, Category = "Connectors", DisplayName = "REST request",
    Description = "Sends a request to a path of a connection and outputs { status, headers, body }. With idempotencyKey, a completed call is never sent again.")]
internal sealed class RestRequestActivity(IConnectionService connections, IConnectionHttp http) : Activity<RestRequestInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(RestRequestInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection);
        var headers = new Dictionary<string, string>(inputs.Headers ?? [], StringComparer.OrdinalIgnoreCase);
        if (inputs.IdempotencyKey is { Length: > 0 } key)
        {
            headers.TryAdd("Idempotency-Key", key);
        }

        var request = new ConnectionRequest(new HttpMethod(inputs.Method.ToString().ToUpperInvariant()), inputs.Path ?? "")
        {
            Query = inputs.Query,
            Body = inputs.Body?.DeepClone(),
            Headers = headers,
            AcceptStatus = inputs.ExpectedStatus,
            Timeout = inputs.Timeout,
            Idempotent = inputs.IdempotencyKey is { Length: > 0 } ? true : null,
        };

        async Task<JsonNode?> SendAsync(CancellationToken ct) => (await http.SendAsync(connection, request, ct)).ToJson();

        var output = inputs.IdempotencyKey is { Length: > 0 } k
            ? await context.Idempotency.ExecuteOnceAsync($"rest:{connection.Id}:{k}", SendAsync, context.CancellationToken)
            : await SendAsync(context.CancellationToken);
        return ActivityResult.Done(output);
    }
}

internal sealed class RestRequestInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of any connection.")]
    public string? Connection { get; set; }

    [Input(Description = "HTTP method.")]
    public RestMethod Method { get; set; } = RestMethod.Get;

    [Input(Description = "Path relative to the connection's base URL, e.g. api/v2/orders.")]
    public string? Path { get; set; }

    [Input(Description = "Query string parameters, encoded.")]
    public Dictionary<string, string>? Query { get; set; }

    [Input(Description = "Request headers; values are never logged.")]
    public Dictionary<string, string>? Headers { get; set; }

    [Input(Description = "Request body, sent as application/json.")]
    public JsonNode? Body { get; set; }

    [Input(Description = "Non-2xx statuses that count as success, e.g. [404].")]
    public int[]? ExpectedStatus { get; set; }

    [Input(Description = "Per-attempt timeout; the connection's when not set.")]
    public TimeSpan? Timeout { get; set; }

    [Input(Description = "Business key; a completed call with it is never sent again, and it goes out as the Idempotency-Key header.")]
    public string? IdempotencyKey { get; set; }
}

internal enum RestMethod
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
}
