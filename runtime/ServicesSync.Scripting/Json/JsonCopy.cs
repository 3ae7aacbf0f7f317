using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Scripting.Json;

/// <summary>
/// A snippet's own copy of a message. Unlike <see cref="JsonNode.DeepClone"/>, every value in the
/// copy is backed by a <see cref="JsonElement"/>, so that C# reads such as <c>(int)Input["n"]</c>
/// or <c>(DateTimeOffset)Input["at"]</c> work the same whether the message was parsed from a
/// request or built in memory by a previous step (<c>JsonValue.Create(42L)</c> converts to long only).
/// Parsed values share their immutable element instead of copying it.
/// </summary>
internal static class JsonCopy
{
    public static JsonNode? Of(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => CopyObject(obj),
        JsonArray array => CopyArray(array),
        JsonValue value => value.TryGetValue(out JsonElement element)
            ? JsonValue.Create(element)
            : JsonValue.Create(JsonSerializer.SerializeToElement(value)),
        _ => node.DeepClone(),
    };

    private static JsonObject CopyObject(JsonObject source)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in source)
        {
            copy.Add(name, Of(value));
        }

        return copy;
    }

    private static JsonArray CopyArray(JsonArray source)
    {
        var copy = new JsonArray();
        foreach (var item in source)
        {
            copy.Add(Of(item));
        }

        return copy;
    }
}
