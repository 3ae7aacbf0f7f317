using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using ServicesSync.Scripting.Json;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Builds JavaScript values straight from JSON nodes (no text round trip). A number a JavaScript
/// number cannot hold exactly (an integer beyond 2^53, a decimal fraction) becomes the nearest
/// double, and the original node is remembered against that very <see cref="JsValue"/>: if the
/// script passes the value through untouched, <see cref="JsToJson"/> writes the original digits
/// back; arithmetic on it works on the double, as JavaScript always does.
/// </summary>
internal sealed class JsonToJs(Engine engine)
{
    private const int MaxDepth = 128;

    /// <summary>Numbers whose exact text must survive a pass-through, by identity of the value handed to the script.</summary>
    public Dictionary<JsValue, JsonValue>? ExactNumbers { get; private set; }

    public JsValue Convert(JsonNode? node) => Convert(node, 0);

    private JsValue Convert(JsonNode? node, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new JsonException($"The message is nested deeper than {MaxDepth} levels.");
        }

        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                var target = new JsObject(engine);
                foreach (var (name, value) in obj)
                {
                    // A data property defined directly: a "__proto__" key stays a key and never
                    // becomes the object's prototype.
                    target.FastSetDataProperty(name, Convert(value, depth + 1));
                }

                return target;
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Convert(array[i], depth + 1);
                }

                return new JsArray(engine, items);
            default:
                return ConvertValue(node.AsValue());
        }
    }

    private JsValue ConvertValue(JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                return value.TryGetValue(out string? text)
                    ? JsString.Create(text)
                    : JsString.Create(JsonSerializer.Deserialize<string>(value.ToJsonString())!);
            case JsonValueKind.Number:
                if (JsonNumbers.TryGetSafeInteger(value, out var integer, out var nearest))
                {
                    return JsNumber.Create(integer);
                }

                // A fresh instance, so that the identity below belongs to this one value.
                var number = new JsNumber(nearest);
                (ExactNumbers ??= new(ReferenceEqualityComparer.Instance))[number] = value;
                return number;
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            default:
                return JsValue.Null;
        }
    }
}
