using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ServicesSync.Errors;

namespace ServicesSync.Canonical;

/// <summary>
/// The JSON spelling of canonical entities: camelCase names, enums as camelCase strings, dates
/// as <c>yyyy-MM-dd</c>, instants as ISO 8601 with their offset, amounts as JSON numbers, absent
/// optional values left out. The JSON Schemas under <c>Schemas/</c> describe exactly this.
/// </summary>
public static class CanonicalJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    /// <summary>Reads an entity, turning a shape error into a validation error that names <paramref name="what"/> and the path.</summary>
    public static T FromNode<T>(JsonNode? node, string what)
    {
        if (node is null)
        {
            throw new ServicesSyncException($"{what} is missing.", ErrorKind.Validation);
        }

        try
        {
            return node.Deserialize<T>(Options) ?? throw new ServicesSyncException($"{what} is null.", ErrorKind.Validation);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "" : $" at '{ex.Path.TrimStart('$', '.')}'";
            throw new ServicesSyncException($"{what}{where} is not a valid {typeof(T).Name}: {Describe(ex)}", ErrorKind.Validation, false, ex);
        }
        catch (ServicesSyncException ex)
        {
            // Constructors (Money, ExternalRef) validate their values; say which entity held them.
            throw new ServicesSyncException($"{what} is not a valid {typeof(T).Name}: {ex.Message}", ErrorKind.Validation, false, ex);
        }
    }

    private static string Describe(JsonException ex)
    {
        // The serializer's message repeats the path and line; the first sentence is the useful part.
        var message = ex.Message;
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
