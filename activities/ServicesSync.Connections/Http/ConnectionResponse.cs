using System.Text.Json.Nodes;

namespace ServicesSync.Connections;

/// <summary>
/// A response read in full (bounded): the status, a few headers and the body, parsed when it is JSON.
/// </summary>
public sealed record ConnectionResponse(int Status, IReadOnlyDictionary<string, string> Headers, JsonNode? Body)
{
    public bool IsSuccess => Status is >= 200 and <= 299;

    /// <summary>The output shape shared with <c>http.request</c>: <c>{ status, headers, body }</c>.</summary>
    public JsonObject ToJson()
    {
        var headers = new JsonObject();
        foreach (var (name, value) in Headers)
        {
            headers[name] = value;
        }

        return new JsonObject { ["status"] = Status, ["headers"] = headers, ["body"] = Body?.DeepClone() };
    }
}
