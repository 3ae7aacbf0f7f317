using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Host.Common;

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

    /// <summary>
    /// The definitions in a file: the file itself, or each entry of a bundle labelled
    /// <c>FILE#/workflows/N</c>. What makes the file unusable as a whole goes to <paramref name="refusals"/>.
    /// </summary>
    public static (string Label, string Json)[] Entries(string source, string text, List<string> refusals)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            refusals.Add($"{source}: not valid JSON at {JsonFiles.DescribeSyntaxError(exception)}");
            return [];
        }

        using (document)
        {
            var root = document.RootElement;
            if (!IsBundle(root))
            {
                return [(source, text)];
            }

            var version = root.GetProperty(VersionProperty);
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number < 1)
            {
                refusals.Add($"{source}: \"{VersionProperty}\" must be a whole number such as {CurrentVersion}.");
                return [];
            }

            if (number > CurrentVersion)
            {
                refusals.Add($"{source}: bundle version {number} is newer than this servicessync supports ({CurrentVersion}); upgrade servicessync to import it.");
                return [];
            }

            if (!root.TryGetProperty("workflows", out var workflows) || workflows.ValueKind != JsonValueKind.Array)
            {
                refusals.Add($"{source}: a bundle needs a \"workflows\" array.");
                return [];
            }

            return workflows.EnumerateArray().Select((w, i) => ($"{source}#/workflows/{i}", w.GetRawText())).ToArray();
        }
    }
}
