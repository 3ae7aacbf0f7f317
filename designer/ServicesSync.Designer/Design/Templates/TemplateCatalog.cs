using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Templates;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// Reads starter templates from disk: <c>templates/&lt;name&gt;/workflow.json</c>, its manifest
/// (<c>template.json</c>: title and parameters) and its <c>samples/*.json</c> payloads, through the
/// same <see cref="TemplateFolder"/> as <c>servicessync import</c>. Read on each request, so a template edited while the designer
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

    /// <summary>The folder of a template; null when there is none by that name.</summary>
    public string? FolderOf(string name)
    {
        if (!IsAvailable || !IsSafeName(name))
        {
            return null;
        }

        var folder = Path.Combine(options.Directory!, name);
        return File.Exists(Path.Combine(folder, WorkflowFile)) ? folder : null;
    }

    public TemplateDetail? Find(string name)
    {
        if (FolderOf(name) is not { } folder)
        {
            return null;
        }

        var (definition, error) = ReadJson(Path.Combine(folder, WorkflowFile));
        var (manifest, manifestError) = ReadManifest(folder);
        var samples = SampleFiles(folder).Select(path =>
        {
            var (payload, sampleError) = new FileInfo(path).Length > MaxSampleBytes
                ? (null, $"larger than {MaxSampleBytes / 1024 / 1024} MB")
                : ReadJson(path);
            return new TemplateSample(Path.GetFileNameWithoutExtension(path), payload, sampleError);
        }).ToArray();
        var (title, description) = Describe(name, definition, manifest);
        return new TemplateDetail(
            name,
            title,
            description,
            manifest?.Tags ?? [],
            definition,
            error ?? manifestError,
            manifest?.Parameters.Select(TemplateParameterView.From).ToArray() ?? [],
            samples);
    }

    private static TemplateSummary Summarize(string folder)
    {
        var name = Path.GetFileName(folder);
        var (definition, error) = ReadJson(Path.Combine(folder, WorkflowFile));
        var (manifest, manifestError) = ReadManifest(folder);
        var (title, description) = Describe(name, definition, manifest);
        return new TemplateSummary(
            name,
            title,
            description,
            manifest?.Tags ?? [],
            manifest?.Parameters.Count ?? 0,
            SampleFiles(folder).Select(Path.GetFileNameWithoutExtension).ToArray()!,
            error ?? manifestError);
    }

    // The manifest's words when it has them: they are written for someone choosing a template.
    private static (string Title, string Description) Describe(string name, JsonNode? definition, TemplateManifest? manifest)
    {
        var title = definition?["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n : name;
        var description = definition?["description"] is JsonValue d && d.TryGetValue<string>(out var text) ? text : "";
        return manifest is null
            ? (title, description)
            : (manifest.Title, string.IsNullOrEmpty(manifest.Summary) ? description : manifest.Summary);
    }

    /// <summary>The manifest, null for a template without one; a manifest that cannot be used is an error to show.</summary>
    private static (TemplateManifest? Manifest, string? Error) ReadManifest(string folder)
    {
        if (!File.Exists(Path.Combine(folder, TemplateFolder.ManifestFile)))
        {
            return (null, null);
        }

        try
        {
            return (TemplateFolder.Read(folder).Manifest, null);
        }
        catch (Exception exception) when (exception is TemplateException or IOException or UnauthorizedAccessException)
        {
            return (null, exception.Message);
        }
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

internal sealed record TemplateSummary(
    string Name, string Title, string Description, IReadOnlyList<string> Tags, int ParameterCount, IReadOnlyList<string> Samples, string? Error);

internal sealed record TemplateDetail(
    string Name,
    string Title,
    string Description,
    IReadOnlyList<string> Tags,
    JsonNode? Definition,
    string? Error,
    IReadOnlyList<TemplateParameterView> Parameters,
    IReadOnlyList<TemplateSample> Samples);

internal sealed record TemplateSample(string Name, JsonNode? Payload, string? Error);
