using System.Text.Json;
using Json.Schema;

namespace ServicesSync.Definitions.Reading;

/// <summary>The embedded JSON Schema of schemaVersion 1, loaded and built once.</summary>
internal static class WorkflowSchema
{
    public const string ResourceName = "ServicesSync.Definitions.workflow.schema.json";

    private static readonly Lazy<string> LazyText = new(LoadText);
    private static readonly Lazy<JsonDocument> LazyDocument = new(() => JsonDocument.Parse(Text));
    private static readonly Lazy<JsonSchema> LazySchema = new(() => Build(Text));

    public static string Text => LazyText.Value;

    /// <summary>The schema as plain JSON, for the navigation that turns evaluation errors into sentences.</summary>
    public static JsonElement Root => LazyDocument.Value.RootElement;

    public static JsonSchema Schema => LazySchema.Value;

    /// <summary>Evaluates a definition, listing every failing keyword with its instance location.</summary>
    public static EvaluationResults Evaluate(JsonElement definition)
    {
        // A pass/fail answer is several times cheaper than the list of every node, and almost
        // every definition passes: only a failing one pays for the detailed second evaluation.
        var quick = Schema.Evaluate(definition, new EvaluationOptions { OutputFormat = OutputFormat.Flag });
        return quick.IsValid ? quick : Schema.Evaluate(definition, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>
    /// Builds a schema in a registry of its own: the global registry would refuse a second
    /// schema with the same <c>$id</c>, and tests build the published copy beside this one.
    /// </summary>
    public static JsonSchema Build(string text)
        => JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static string LoadText()
    {
        using var stream = typeof(WorkflowSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from the runtime assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
