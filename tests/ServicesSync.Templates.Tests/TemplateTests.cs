using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Composition;
using ServicesSync.Definitions;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Templates.Tests.Cases;
using ServicesSync.Validation;

namespace ServicesSync.Templates.Tests;

/// <summary>
/// The one data-driven test every starter template must pass: complete (README, manifest,
/// workflow, test parameters, samples, expectations), valid with zero errors before and after its
/// parameters are applied, and every case of expected/ reproduced by the real runtime against the
/// vendor stubs and the real Tryton / Redmine. Adding a folder under templates/ adds a test.
/// </summary>
public sealed class TemplateTests
{
    public const string TestParametersFile = "test-params.json";

    /// <summary>What a consultant needs before adapting a template (docs/templates.md says what goes in each).</summary>
    private static readonly string[] ReadmeSections =
        ["## Trigger", "## Steps", "## Field ownership", "## Parameters", "## Known limits", "## Test cases"];

    private static readonly Lazy<IWorkflowValidator> Validator = new(() =>
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddInMemoryStore();
        services.AddServicesSyncProduct(dataDirectory: null);
        return services.BuildServiceProvider().GetRequiredService<IWorkflowValidator>();
    });

    public static TheoryData<string> Templates() => new(TemplateRepository.Names());

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task Template_IsCompleteValidAndEverySampleProducesItsExpectation(string name)
    {
        var folder = Path.Combine(TemplateRepository.TemplatesDirectory, name);
        AssertComplete(folder);

        var template = TemplateFolder.Read(folder);
        Assert.False(string.IsNullOrWhiteSpace(template.Manifest.Summary), $"{name}/template.json needs a summary.");
        AssertReadmeComplete(folder, template.Manifest.Title);
        AssertValid(template.WorkflowJson, $"{name}/workflow.json");

        var parameters = ReadTestParameters(folder);
        var instance = template.Instantiate(parameters);
        Assert.True(instance.Succeeded, $"{name}: the test parameters do not instantiate the template:\n{string.Join('\n', instance.Problems)}");
        var definition = AssertValid(instance.WorkflowJson!, $"{name} with {TestParametersFile}");

        var cases = template.Expectations.Select(e => TemplateCase.Read(e.Path)).ToArray();
        var referenced = cases.SelectMany(c => c.ReferencedFiles()).Select(Normalize).ToHashSet(StringComparer.Ordinal);
        var samples = Directory.GetFiles(Path.Combine(folder, TemplateFolder.SamplesFolder), "*", SearchOption.AllDirectories)
            .Select(f => Normalize(Path.GetRelativePath(folder, f)));
        var unused = samples.Where(s => !referenced.Contains(s)).ToArray();
        Assert.True(unused.Length == 0, $"{name}: samples no expectation uses (each sample must be proven): {string.Join(", ", unused)}");

        var realSystems = RealSystemsOf(template, parameters);
        var problems = new List<string>();
        foreach (var testCase in cases)
        {
            problems.AddRange(await CaseRunner.RunAsync(folder, definition, testCase, realSystems));
        }

        Assert.True(problems.Count == 0, $"{name}:\n{string.Join('\n', problems)}");
    }

    private static void AssertComplete(string folder)
    {
        var name = Path.GetFileName(folder);
        foreach (var file in new[] { "README.md", TemplateFolder.ManifestFile, TemplateFolder.WorkflowFile, TestParametersFile })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), $"Template '{name}' has no {file}.");
        }

        foreach (var sub in new[] { TemplateFolder.SamplesFolder, TemplateFolder.ExpectedFolder })
        {
            var directory = Path.Combine(folder, sub);
            Assert.True(
                Directory.Exists(directory) && Directory.EnumerateFiles(directory).Any(),
                $"Template '{name}' has no {sub}/: every template needs sample payloads and the expectations they must produce.");
        }
    }

    /// <summary>What a consultant needs before adapting a template: every section, under the manifest's title.</summary>
    private static void AssertReadmeComplete(string folder, string title)
    {
        var name = Path.GetFileName(folder);
        var lines = File.ReadAllLines(Path.Combine(folder, "README.md")).Select(l => l.TrimEnd()).ToArray();
        Assert.True(lines.FirstOrDefault() == $"# {title}", $"{name}/README.md must start with '# {title}' (the title in template.json).");
        var missing = ReadmeSections.Where(section => !lines.Contains(section, StringComparer.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, $"{name}/README.md has no {string.Join(", ", missing.Select(s => $"'{s}'"))} section.");
    }

    private static WorkflowDefinition AssertValid(string json, string what)
    {
        var read = WorkflowDefinitionReader.Read(json);
        Assert.True(read.Succeeded, $"{what} cannot be read:\n{string.Join('\n', read.Problems)}");
        var errors = Validator.Value.Validate(read.Definition!).Where(p => p.Severity == ProblemSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, $"{what} is not valid:\n{string.Join('\n', errors.Select(e => e.ToString()))}");
        return read.Definition!;
    }

    private static Dictionary<string, string> ReadTestParameters(string folder)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, TestParametersFile))) as JsonObject
            ?? throw new InvalidDataException($"{folder}/{TestParametersFile} must hold a JSON object.");
        // As `servicessync import --params FILE` reads it: strings as they are, anything else as JSON text.
        return json.ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : p.Value?.ToJsonString() ?? "null",
            StringComparer.Ordinal);
    }

    /// <summary>Tryton and Redmine are started only for templates whose connection parameters point at them.</summary>
    private static HashSet<string> RealSystemsOf(TemplateFolder template, Dictionary<string, string> parameters)
        => template.Manifest.Parameters
            .Where(p => p.Kind == TemplateParameterKind.Connection)
            .Select(p => parameters.GetValueOrDefault(p.Name) ?? (string?)p.Default)
            .Where(v => v is "tryton" or "redmine")
            .Select(v => v!)
            .ToHashSet(StringComparer.Ordinal);

    private static string Normalize(string path) => path.Replace('\\', '/');
}
