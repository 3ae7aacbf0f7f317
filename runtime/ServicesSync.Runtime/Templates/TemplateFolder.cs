using System.Text.Json;
using ServicesSync.Json;

namespace ServicesSync.Templates;

/// <summary>
/// A template folder on disk: <c>template.json</c>, <c>workflow.json</c>, <c>README.md</c>,
/// <c>samples/*.json</c> (payloads in the source system's documented shape) and
/// <c>expected/*.json</c> (what each sample must produce).
/// </summary>
public sealed class TemplateFolder
{
    public const string ManifestFile = "template.json";
    public const string WorkflowFile = "workflow.json";
    public const string SamplesFolder = "samples";
    public const string ExpectedFolder = "expected";

    private static readonly JsonSerializerOptions ManifestOptions = new(ActivityJson.Options)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    private TemplateFolder(string path, TemplateManifest manifest, string workflowJson)
    {
        Path = path;
        Manifest = manifest;
        WorkflowJson = workflowJson;
    }

    public string Path { get; }

    public string Name => System.IO.Path.GetFileName(Path);

    public TemplateManifest Manifest { get; }

    /// <summary>The workflow as written in the template, before parameters are applied.</summary>
    public string WorkflowJson { get; }

    public static bool IsTemplate(string path) => File.Exists(System.IO.Path.Combine(path, WorkflowFile));

    /// <summary>Reads a template folder; a template without a manifest has no parameters.</summary>
    public static TemplateFolder Read(string path)
    {
        var workflowPath = System.IO.Path.Combine(path, WorkflowFile);
        if (!File.Exists(workflowPath))
        {
            throw new TemplateException($"'{path}' is not a template: it has no {WorkflowFile}.");
        }

        var manifestPath = System.IO.Path.Combine(path, ManifestFile);
        TemplateManifest manifest;
        if (File.Exists(manifestPath))
        {
            try
            {
                manifest = JsonSerializer.Deserialize<TemplateManifest>(File.ReadAllText(manifestPath), ManifestOptions)
                    ?? throw new TemplateException($"{manifestPath} is empty.");
            }
            catch (JsonException ex)
            {
                throw new TemplateException($"{manifestPath} is not a valid template manifest: {ex.Message}");
            }

            if (manifest.TemplateVersion > TemplateManifest.CurrentTemplateVersion)
            {
                throw new TemplateException(
                    $"Template '{System.IO.Path.GetFileName(path)}' is made for templateVersion {manifest.TemplateVersion}; this ServicesSync reads templateVersion {TemplateManifest.CurrentTemplateVersion}. Upgrade ServicesSync to import it.");
            }
        }
        else
        {
            manifest = new TemplateManifest { Title = System.IO.Path.GetFileName(path) };
        }

        return new TemplateFolder(path, manifest, File.ReadAllText(workflowPath));
    }

    /// <summary>Sample payloads by case name (file name without extension), in name order.</summary>
    public IReadOnlyList<(string Case, string Path)> Samples => Files(SamplesFolder);

    /// <summary>Expectations by case name, in name order.</summary>
    public IReadOnlyList<(string Case, string Path)> Expectations => Files(ExpectedFolder);

    private List<(string Case, string Path)> Files(string folder)
    {
        var directory = System.IO.Path.Combine(Path, folder);
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.json")
                .Order(StringComparer.Ordinal)
                .Select(f => (System.IO.Path.GetFileNameWithoutExtension(f), f))
                .ToList()
            : [];
    }

    /// <summary>Applies parameter values (and defaults) to the workflow; every problem at once.</summary>
    public TemplateInstance Instantiate(IReadOnlyDictionary<string, string> values)
        => TemplateInstantiator.Instantiate(this, values);
}

/// <summary>The result of applying parameters: the definition to read and validate, or why not.</summary>
public sealed record TemplateInstance(string? WorkflowJson, IReadOnlyList<TemplateProblem> Details)
{
    public bool Succeeded => WorkflowJson is not null && Details.Count == 0;

    /// <summary>Each problem as one line with its command-line hint.</summary>
    public IReadOnlyList<string> Problems => [.. Details.Select(d => d.ToString())];
}

/// <summary>A template that cannot be read or imported as it is.</summary>
public sealed class TemplateException : Errors.ServicesSyncException
{
    public TemplateException(string message)
        : base(message, Errors.ErrorKind.Validation, retryable: false)
    {
    }

    public TemplateException()
        : this("The template cannot be used.")
    {
    }

    public TemplateException(string message, Exception innerException)
        : base(message, Errors.ErrorKind.Validation, false, innerException)
    {
    }
}
