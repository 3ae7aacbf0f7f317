namespace ServicesSync.Definitions;

/// <summary>
/// Reads definitions from untrusted JSON: syntax, duplicate keys, size, <c>schemaVersion</c> and
/// the published JSON Schema, every problem reported with its JSON Pointer path.
/// </summary>
public static class WorkflowDefinitionReader
{
    /// <summary>Largest definition accepted, in UTF-8 bytes.</summary>
    public const int MaxDefinitionBytes = 5 * 1024 * 1024;

    public static DefinitionReadResult Read(string json)
        => throw new NotImplementedException("Implemented by the definitions work.");

    /// <summary>The JSON Schema of schemaVersion 1 as text (served at <c>GET /api/v1/schemas/workflow</c>).</summary>
    public static string SchemaJson
        => throw new NotImplementedException("Implemented by the definitions work.");
}
