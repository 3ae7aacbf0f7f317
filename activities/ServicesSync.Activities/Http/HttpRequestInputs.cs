using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Http;

internal sealed class HttpRequestInputs
{
    [Input(Description = "HTTP method.")]
    public HttpRequestMethod Method { get; set; } = HttpRequestMethod.Get;

    [Input(Required = true, Description = "Absolute http or https URL.")]
    public string? Url { get; set; }

    [Input(Description = "Request headers. Values are never logged.")]
    public Dictionary<string, string>? Headers { get; set; }

    [Input(Description = "Query string parameters, appended to the URL encoded.")]
    public Dictionary<string, string>? Query { get; set; }

    [Input(Description = "Request body, sent as application/json.")]
    public JsonNode? Body { get; set; }

    [Input(Description = "How long the whole exchange may take, including reading the response.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    [Input(Description = "Business key of this call, e.g. erp:timebill:JIRA-10023. A call that completed with this key is never sent again; "
        + "the key is also sent as the Idempotency-Key header.")]
    public string? IdempotencyKey { get; set; }

    [Input(Description = "Status codes that count as success, e.g. [200, 404]; by default every 2xx.")]
    public int[]? ExpectedStatus { get; set; }
}

internal enum HttpRequestMethod
{
    Get,
    Post,
    Put,
    Patch,
    Delete,
}
