using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServicesSync.Json;

/// <summary>
/// The one set of JSON options used for activity inputs, outputs and descriptors: camelCase
/// names, enums as camelCase strings, durations as ISO 8601. Shared so the designer, the
/// validator and the engine agree on every value's spelling.
/// </summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new Iso8601DurationConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
