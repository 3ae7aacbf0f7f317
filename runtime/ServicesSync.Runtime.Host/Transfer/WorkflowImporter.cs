using System.Text.Json;
using ServicesSync.Definitions;
using ServicesSync.Host.Common;
using ServicesSync.Persistence;
using ServicesSync.Registry;
using ServicesSync.Validation;

namespace ServicesSync.Host.Transfer;

/// <summary>
/// Brings definitions from files into a store: <c>servicessync import</c> and
/// <c>serve --workflows</c>. Planning checks everything and writes nothing, so a refused source
/// leaves the store as it was; applying saves drafts and publishes only what changed.
/// </summary>
internal sealed class WorkflowImporter(IWorkflowValidator validator, IActivityRegistry registry)
{
    public const string TemplateFileName = "workflow.json";

    /// <summary>A .json file as given, or the workflow.json of a template folder.</summary>
    public static string ResolveSource(string path)
    {
        if (Directory.Exists(path))
        {
            var inFolder = Path.Combine(path, TemplateFileName);
            return File.Exists(inFolder)
                ? inFolder
                : throw new CliException(ExitCodes.InvalidInput, $"'{path}' is a folder without a {TemplateFileName}.");
        }

        return File.Exists(path) ? path : throw new CliException(ExitCodes.InvalidInput, $"'{path}' does not exist.");
    }

    public ImportPlan Plan(string source, string text, bool publish)
    {
        var refusals = new List<string>();
        var planned = new List<PlannedWorkflow>();
        foreach (var (label, json) in WorkflowBundle.Entries(source, text, refusals))
        {
            var workflow = PlanOne(label, json, publish, refusals);
            if (workflow is null)
            {
                continue;
            }

            if (planned.Exists(p => p.Definition.Id == workflow.Definition.Id))
            {
                refusals.Add($"{label}: workflow id '{workflow.Definition.Id}' appears twice in {source}.");
                continue;
            }

            planned.Add(workflow);
        }

        return new ImportPlan(source, planned, refusals);
    }

    public static async Task<IReadOnlyList<ImportedWorkflow>> ApplyAsync(
        IDefinitionStore store, ImportPlan plan, bool publish, string? publishedBy, CancellationToken cancellationToken)
    {
        if (plan.Refused)
        {
            throw new InvalidOperationException("A refused plan is never applied.");
        }

        var imported = new List<ImportedWorkflow>();
        foreach (var workflow in plan.Workflows)
        {
            var definition = workflow.Definition;
            await store.SaveDraftAsync(definition, expectedETag: null, cancellationToken);
            if (!publish)
            {
                imported.Add(new ImportedWorkflow(definition.Id, null, false));
                continue;
            }

            var latest = await store.GetPublishedAsync(definition.Id, version: null, cancellationToken);
            if (latest is not null && SameDefinition(latest.Definition, definition))
            {
                imported.Add(new ImportedWorkflow(definition.Id, latest.Version, true));
                continue;
            }

            var published = await store.PublishAsync(definition, publishedBy, cancellationToken);
            imported.Add(new ImportedWorkflow(definition.Id, published.Version, false));
        }

        return imported;
    }

    /// <summary>Equal apart from the version number, which publishing assigns.</summary>
    public static bool SameDefinition(WorkflowDefinition a, WorkflowDefinition b)
        => DefinitionJson.Serialize(a with { Version = 0 }) == DefinitionJson.Serialize(b with { Version = 0 });

    private PlannedWorkflow? PlanOne(string label, string json, bool publish, List<string> refusals)
    {
        var newer = NewerSchemaVersion(json);
        if (newer is not null)
        {
            refusals.Add($"{label}: schemaVersion {newer} is newer than this servicessync supports ({WorkflowDefinition.CurrentSchemaVersion}); upgrade servicessync to import it.");
            return null;
        }

        var read = WorkflowDefinitionReader.Read(json);
        if (!read.Succeeded)
        {
            refusals.AddRange(read.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => ProblemFormatter.Format(label, p)));
            return null;
        }

        var definition = read.Definition with { Version = 0 };
        var unknown = definition.Activities
            .Select((activity, index) => (activity, index))
            .Where(a => !registry.IsKnownType(a.activity.Type))
            .Select(a => $"{label}: /activities/{a.index} (activity '{a.activity.Id}'): unknown activity type '{a.activity.Type}' [activity.unknownType]")
            .ToArray();
        if (unknown.Length > 0)
        {
            refusals.AddRange(unknown);
            return null;
        }

        var problems = read.Problems.Concat(validator.Validate(definition)).ToArray();
        if (publish && problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            refusals.AddRange(problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => ProblemFormatter.Format(label, p)));
            return null;
        }

        return new PlannedWorkflow(definition, problems);
    }

    private static int? NewerSchemaVersion(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("schemaVersion", out var version)
                   && version.ValueKind == JsonValueKind.Number
                   && version.TryGetInt32(out var number)
                   && number > WorkflowDefinition.CurrentSchemaVersion
                ? number
                : null;
        }
        catch (JsonException)
        {
            // The reader reports syntax errors with their position.
            return null;
        }
    }
}
