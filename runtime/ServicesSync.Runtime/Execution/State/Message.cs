using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Execution.State;

/// <summary>
/// A JSON message as it flows between activities: the parsed node and its serialised text.
/// Either side may be produced lazily from the other.
/// </summary>
internal readonly struct Message
{
    public const string NullJson = "null";

    private readonly JsonNode? node;

    public Message(JsonNode? node, string json)
    {
        this.node = node;
        Json = json;
        IsParsed = true;
    }

    private Message(string json)
    {
        Json = json;
        node = null;
        IsParsed = false;
    }

    public static Message Null => new(null, NullJson);

    public string Json { get; }

    public bool IsParsed { get; }

    public JsonNode? Node => IsParsed ? node : Parse(Json);

    public static Message FromNode(JsonNode? node)
        => new(node, node is null ? NullJson : node.ToJsonString(MessageJson.Options));

    public static Message FromJson(string? json) => json is null ? Null : new Message(json);

    public static JsonNode? Parse(string json)
        => json == NullJson ? null : JsonNode.Parse(json, documentOptions: MessageJson.DocumentOptions);
}

/// <summary>Serialisation settings for messages: compact, and every character kept as written.</summary>
internal static class MessageJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = 256 };
}
