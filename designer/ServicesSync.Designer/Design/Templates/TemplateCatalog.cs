using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// Reads starter templates from disk: <c>templates/&lt;name&gt;/workflow.json</c> and its
/// <c>samples/*.json</c> payloads. Read on each request, so a template edited while the designer
/// runs shows at once; a template that cannot be read is listed with the reason instead of hidden.
/// </summary>
internal sealed class TemplateCatalog(TemplateCatalogOptions options)
{
    public const string WorkflowFile = "workflow.json";
    public const string SamplesFolder = "samples";

    /// <summary>Larger samples are listed but not sent: the browser could not send them back anyway.</summary>
    public const long MaxSampleBytes = 5 * 1024 * 1024;

    public bool IsAvailable => options.Directory is not null && Directory.Exists(options.Directory);

    public IReadOnlyList<TemplateSummary> List()
    {
        if (!IsAvailable)
        {
            return [];
        }

        return Directory.GetDirectories(options.Directory!)
            .Where(d => File.Exists(Path.Combine(d, WorkflowFile)))
            .Order(StringComparer.Ordinal)
            .Select(Summarize)
            .ToArray();
    }

    public TemplateDetail? Find(string name)
    {
        if (!IsAvailable || !IsSafeName(name))
        {
            return null;
        }

        var folder = Path.Combine(options.Directory!, name);
        var workflowPath = Path.Combine(folder, WorkflowFile);
        if (!File.Exists(workflowPath))
        {
            return null;
        }

        var (definition, error) = ReadJson(workflowPath);
        var samples = SampleFiles(folder).Select(path =>
        {
            var (payload, sampleError) = new FileInfo(path).Length > MaxSampleBytes
                ? (null, $"larger than {MaxSampleBytes / 1024 / 1024} MB")
                : ReadJson(path);
            return new TemplateSample(Path.GetFileNameWithoutExtension(path), payload, sampleError);
        }).ToArray();
        return new TemplateDetail(name, definition, error, samples);
    }

    private static TemplateSummary Summarize(string folder)
    {
        var name = Path.GetFileName(folder);
        var (definition, error) = ReadJson(Path.Combine(folder, WorkflowFile));
        var title = definition?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : name;
        var description = definition?["description"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : "";
        return new TemplateSummary(name, title, description, SampleFiles(folder).Select(Path.GetFileNameWithoutExtension).ToArray()!, error);
    }

    private static IEnumerable<string> SampleFiles(string folder)
    {
        var samples = Path.Combine(folder, SamplesFolder);
        return Directory.Exists(samples)
            ? Directory.GetFiles(samples, "*.json").Order(StringComparer.Ordinal)
            : [];
    }

    private static (JsonNode? Json, string? Error) ReadJson(string path)
    {
        try
        {
            return (JsonNode.Parse(File.ReadAllText(path)), null);
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            return (null, $"{Path.GetFileName(path)} cannot be read: {exception.Message}");
        }
    }

    // Names come from URLs: nothing that could leave the templates folder.
    private static bool IsSafeName(string name)
        => name.Length is > 0 and <= 100
           && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
           && !name.StartsWith('.');
}

internal sealed record TemplateSummary(string Name, string Title, string Description, IReadOnlyList<string> Samples, string? Error);

internal sealed record TemplateDetail(string Name, JsonNode? Definition, string? Error, IReadOnlyList<TemplateSample> Samples);

internal sealed record TemplateSample(string Name, JsonNode? Payload, string? Error);
