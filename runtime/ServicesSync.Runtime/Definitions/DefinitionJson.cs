using System.Text.Json;
using System.Text.Json.Serialization;
using ServicesSync.Json;

namespace ServicesSync.Definitions;

/// <summary>
/// JSON (de)serialisation of definitions. No .NET type names ever reach the saved JSON: the
/// format is the published schema and nothing else.
/// </summary>
public static class DefinitionJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions IndentedOptions { get; } = Create(indented: true);

    public static string Serialize(WorkflowDefinition definition, bool indented = false)
        => JsonSerializer.Serialize(definition, indented ? IndentedOptions : Options);

    /// <summary>
    /// Deserialises JSON already known to be valid (read back from the store). Untrusted text
    /// goes through <c>WorkflowDefinitionReader</c>, which reports every problem with its path.
    /// </summary>
    public static WorkflowDefinition DeserializeTrusted(string json)
        => JsonSerializer.Deserialize<WorkflowDefinition>(json, Options)
           ?? throw new JsonException("The definition JSON is null.");

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(ActivityJson.Options)
        {
            WriteIndented = indented,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
