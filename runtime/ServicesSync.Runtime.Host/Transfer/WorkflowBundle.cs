using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Definitions;

namespace ServicesSync.Host.Transfer;

/// <summary>
/// The export format: <c>{"bundleVersion":1,"exportedAt":…,"workflows":[definition…]}</c>.
/// Definitions inside are the schemaVersion 1 format itself, so a bundle is readable without
/// ServicesSync and each entry can be copied out as a workflow file.
/// </summary>
internal static class WorkflowBundle
{
    public const int CurrentVersion = 1;
    public const string VersionProperty = "bundleVersion";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IEnumerable<WorkflowDefinition> definitions, DateTimeOffset exportedAt)
    {
        var workflows = new JsonArray();
        foreach (var definition in definitions)
        {
            workflows.Add(JsonSerializer.SerializeToNode(definition, DefinitionJson.Options));
        }

        var bundle = new JsonObject
        {
            [VersionProperty] = CurrentVersion,
            ["exportedAt"] = exportedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["workflows"] = workflows,
        };
        return bundle.ToJsonString(Indented) + "\n";
    }

    /// <summary>Whether the root of a JSON file is a bundle rather than a single definition.</summary>
    public static bool IsBundle(JsonElement root)
        => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(VersionProperty, out _);
}
