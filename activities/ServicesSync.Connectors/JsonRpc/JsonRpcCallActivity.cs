using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;
using ServicesSync.Connectors.Tryton;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.JsonRpc;

/// <summary>
/// One JSON-RPC call through a connection. On a <c>tryton</c> connection it speaks Tryton's
/// dialect (session login, errors in a 200 body, calls serialised); on a <c>jsonRpc</c>
/// connection it sends JSON-RPC 2.0 and fails with the error object's code and message.
/// </summary>
[Activity(ConnectorActivityTypes.JsonRpcCall, Category = "Connectors", DisplayName = "JSON-RPC call",
    Description = "Calls a JSON-RPC method and outputs its result. Works with jsonRpc and tryton connections.")]
internal sealed class JsonRpcCallActivity(IConnectionService connections, IConnectionHttp http, TrytonRpc tryton) : Activity<JsonRpcCallInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(JsonRpcCallInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.JsonRpc, ConnectionTypes.Tryton);
        var method = context.Require(inputs.Method, "method");
        var ct = context.CancellationToken;
        if (connection.Type == ConnectionTypes.Tryton)
        {
            var parameters = inputs.Params as JsonArray ?? (inputs.Params is null ? [] : throw context.Invalid("params", "must be an array for Tryton."));
            return ActivityResult.Done(await tryton.CallAsync(connection, method, parameters, ct));
        }

        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method };
        if (inputs.Params is { } p)
        {
            body["params"] = p.DeepClone();
        }

        var response = await http.SendAsync(
            connection, new ConnectionRequest(HttpMethod.Post, inputs.Path ?? "") { Body = body, Idempotent = inputs.Idempotent }, ct);
        if (response.Body?["error"] is JsonObject error)
        {
            var code = error["code"]?.ToJsonString() ?? "?";
            var message = (string?)error["message"] ?? "";
            // -32600..-32603: the call itself is malformed; -32000..-32099: server errors, often passing.
            var kind = error["code"] is JsonValue v && v.TryGetValue<int>(out var n) && n is <= -32000 and >= -32099 ? ErrorKind.Transient : ErrorKind.Permanent;
            throw new ServicesSyncException($"Connection '{connection.Id}': {method} failed with JSON-RPC error {code}: {message}", kind);
        }

        return ActivityResult.Done(response.Body?["result"]?.DeepClone());
    }
}

internal sealed class JsonRpcCallInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a jsonRpc or tryton connection.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "Method name, e.g. model.party.party.search for Tryton.")]
    public string? Method { get; set; }

    [Input(Description = "Parameters: an array (by position) or an object (by name; JSON-RPC 2.0 only).")]
    public JsonNode? Params { get; set; }

    [Input(Description = "Path of the endpoint relative to the base URL (jsonRpc connections).")]
    public string? Path { get; set; }

    [Input(Description = "Whether the method only reads, so a failed attempt may be sent again.")]
    public bool Idempotent { get; set; }
}
