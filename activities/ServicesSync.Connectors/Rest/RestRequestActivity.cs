using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;
using ServicesSync.Errors;
using ServicesSync.Idempotency;

namespace ServicesSync.Connectors.Rest;

/// <summary>
/// Any REST call through a connection: its auth, rate limit, circuit and quick retries apply,
/// unlike the connection-less <c>http.request</c>.
/// </summary>
[Activity(ConnectorActivityTypes.RestRequest, Category = "Connectors", DisplayName = "REST request",
    Description = "Sends a request to a path of a connection and outputs { status, headers, body }. With idempotencyKey, a completed call is never sent again. "
        + "With paging, every page is read (offset and limit as query parameters, while the body's 'more' path is set) and body holds all items; output pages.")]
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

        var paging = RestPaging.Read(inputs.Paging, context);
        if (paging is not null && inputs.IdempotencyKey is { Length: > 0 })
        {
            throw context.Invalid("paging", "reads pages and cannot be combined with idempotencyKey, which is for a write sent once.");
        }

        ConnectionRequest Request(IReadOnlyDictionary<string, string>? query) => new(new HttpMethod(inputs.Method.ToString().ToUpperInvariant()), inputs.Path ?? "")
        {
            Query = query,
            Body = inputs.Body?.DeepClone(),
            Headers = headers,
            AcceptStatus = inputs.ExpectedStatus,
            Timeout = inputs.Timeout,
            // A paged read (a SuiteQL POST too) changes nothing, so a page may be asked for again.
            Idempotent = inputs.IdempotencyKey is { Length: > 0 } || paging is not null ? true : null,
        };

        if (paging is not null)
        {
            return ActivityResult.Done(await ReadPagesAsync(connection, page => Request(paging.Query(inputs.Query, page)), paging, context));
        }

        var request = Request(inputs.Query);

        async Task<JsonNode?> SendAsync(CancellationToken ct) => (await http.SendAsync(connection, request, ct)).ToJson();

        var output = inputs.IdempotencyKey is { Length: > 0 } k
            ? await context.Idempotency.ExecuteOnceAsync($"rest:{connection.Id}:{k}", SendAsync, context.CancellationToken)
            : await SendAsync(context.CancellationToken);
        return ActivityResult.Done(output);
    }

    /// <summary>The last page's answer with every page's items at the items path, and the page count.</summary>
    private async Task<JsonObject> ReadPagesAsync(Connection connection, Func<int, ConnectionRequest> pageRequest, RestPaging paging, ActivityContext context)
    {
        var all = new List<JsonNode?>();
        for (var page = 0; page < paging.MaxPages; page++)
        {
            var output = (await http.SendAsync(connection, pageRequest(page), context.CancellationToken)).ToJson();
            var items = paging.ItemsOf(output["body"], context);
            all.AddRange(items.Select(i => i?.DeepClone()));
            if (!paging.HasMore(output["body"]))
            {
                items.Clear();
                all.ForEach(items.Add);
                output["pages"] = page + 1;
                return output;
            }
        }

        throw new ServicesSyncException(
            $"Activity '{context.ActivityId}' ({context.ActivityType}): more than {paging.MaxPages} pages of {paging.Limit} items; "
            + "nothing was cut silently: narrow the request or raise paging.maxPages.",
            ErrorKind.Permanent);
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

    [Input(Description = "Offset paging: { items: \"results\", more: \"metadata.next\", limit: 1000 } (SuiteQL: items \"items\", more \"hasMore\"); "
        + "offsetParameter and limitParameter (offset, limit) and maxPages (100) are optional. Every page is read; body holds all items.")]
    public JsonObject? Paging { get; set; }
}

internal enum RestMethod
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
}
