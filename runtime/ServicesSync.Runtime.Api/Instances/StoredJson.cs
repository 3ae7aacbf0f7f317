using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Api.Instances;

/// <summary>JSON kept as text in the store, parsed back so responses carry JSON, not strings of JSON.</summary>
internal static class StoredJson
{
    public static JsonNode? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            // Never fail a read over one damaged payload: show it as the text it is.
            return JsonValue.Create(json);
        }
    }
}
