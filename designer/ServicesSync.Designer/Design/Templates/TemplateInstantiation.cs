using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Persistence;
using ServicesSync.Templates;
using ServicesSync.Validation;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// Applies parameter values to a starter template with the same <see cref="TemplateFolder"/> and
/// instantiator as <c>servicessync import</c>, then checks what only a running designer can: that
/// connection parameters name connections of the right type in this installation. Every problem
/// is collected, named by its parameter, so a form can show them all at once.
/// </summary>
internal sealed class TemplateInstantiation(TemplateCatalog catalog, IConnectionStore connections, DefinitionLoader loader)
{
    public const string UnknownConnection = "parameter.unknownConnection";
    public const string WrongConnectionType = "parameter.connectionType";
    public const string TemplateUnreadable = "template.unreadable";

    public async Task<TemplateInstantiationResult?> InstantiateAsync(string name, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (catalog.FolderOf(name) is not { } folder)
        {
            return null;
        }

        TemplateFolder template;
        try
        {
            template = TemplateFolder.Read(folder);
        }
        catch (Exception exception) when (exception is TemplateException or IOException or UnauthorizedAccessException)
        {
            return TemplateInstantiationResult.Refused(TemplateProblemJson.ForTemplate(TemplateUnreadable, exception.Message));
        }

        // A newer format is refused before its parameters are looked at: none of them could help.
        if (NewerSchemaVersion(template) is { } newer)
        {
            return TemplateInstantiationResult.Refused(TemplateProblemJson.ForTemplate(
                ProblemCodes.SchemaVersionUnsupported,
                $"template '{name}' is made for schemaVersion {newer}; this ServicesSync reads schemaVersion {WorkflowDefinition.CurrentSchemaVersion}. Upgrade ServicesSync to import it.",
                "/schemaVersion"));
        }

        var instance = template.Instantiate(values);
        var problems = instance.Details.Select(TemplateProblemJson.From).ToList();
        await CheckConnectionsAsync(template, values, instance.Details, problems, cancellationToken);
        if (problems.Count > 0 || !instance.Succeeded)
        {
            return TemplateInstantiationResult.Refused([.. problems]);
        }

        var read = loader.Load(instance.WorkflowJson!);
        if (read.Definition is null)
        {
            return TemplateInstantiationResult.Refused([.. read.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => TemplateProblemJson.From(p, null))]);
        }

        // Problems at an input a parameter wrote are that value's fault (a cron Quartz cannot use):
        // refused, next to the field. Other problems belong to the template and come back with the draft.
        var attributed = read.Problems.Select(p => TemplateProblemJson.From(p, ParameterAt(template.Manifest, read.Definition, p))).ToArray();
        var refusals = attributed
            .Where(p => p.Severity == "error" && (p.Parameter is not null || p.Code is ProblemCodes.UnknownActivityType or ProblemCodes.UnknownTypeVersion))
            .ToArray();
        return refusals.Length > 0
            ? TemplateInstantiationResult.Refused(refusals)
            : TemplateInstantiationResult.Instantiated(JsonNode.Parse(instance.WorkflowJson!)!, attributed);
    }

    private async Task CheckConnectionsAsync(
        TemplateFolder template, IReadOnlyDictionary<string, string> values, IReadOnlyList<TemplateProblem> found, List<TemplateProblemJson> problems, CancellationToken cancellationToken)
    {
        var asked = template.Manifest.Parameters
            .Where(p => p.Kind == TemplateParameterKind.Connection && found.All(f => f.Parameter != p.Name))
            .Select(p => (Parameter: p, Id: values.TryGetValue(p.Name, out var given) ? given : DefaultText(p)))
            .Where(p => !string.IsNullOrEmpty(p.Id))
            .ToArray();
        if (asked.Length == 0)
        {
            return;
        }

        var existing = await connections.ListConnectionsAsync(cancellationToken);
        foreach (var (parameter, id) in asked)
        {
            var connection = existing.FirstOrDefault(c => c.Id == id);
            var sameType = existing.Where(c => parameter.ConnectionType is null || c.Type == parameter.ConnectionType).Select(c => $"'{c.Id}'").ToArray();
            var kind = parameter.ConnectionType is null ? "connection" : $"{parameter.ConnectionType} connection";
            var choices = sameType.Length == 0
                ? $"there is no {kind} yet; create one first"
                : $"choose one of {string.Join(", ", sameType)}";
            if (connection is null)
            {
                problems.Add(TemplateProblemJson.ForParameter(
                    UnknownConnection, parameter.Name, $"parameter '{parameter.Name}' ({parameter.Title}) names connection '{id}', which does not exist; {choices}"));
            }
            else if (parameter.ConnectionType is not null && connection.Type != parameter.ConnectionType)
            {
                problems.Add(TemplateProblemJson.ForParameter(
                    WrongConnectionType, parameter.Name, $"parameter '{parameter.Name}' ({parameter.Title}) needs a {kind}, but '{id}' is a {connection.Type} connection; {choices}"));
            }
        }
    }

    private static string? DefaultText(TemplateParameter parameter)
        => parameter.Default is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? NewerSchemaVersion(TemplateFolder template)
    {
        try
        {
            return JsonNode.Parse(template.WorkflowJson)?["schemaVersion"] is JsonValue v
                   && v.TryGetValue<int>(out var version)
                   && version > WorkflowDefinition.CurrentSchemaVersion
                ? version
                : null;
        }
        catch (JsonException)
        {
            // The reader reports the syntax error with its position.
            return null;
        }
    }

    /// <summary>The parameter that wrote the input this problem is about, if any.</summary>
    private static string? ParameterAt(TemplateManifest manifest, WorkflowDefinition definition, ValidationProblem problem)
    {
        if (problem.ActivityId is null)
        {
            return null;
        }

        var index = definition.Activities.ToList().FindIndex(a => a.Id == problem.ActivityId);
        return manifest.Parameters.FirstOrDefault(p => p.Targets.Any(t =>
            t.Activity == problem.ActivityId
            && t.Input is not null
            && (problem.Path == $"/activities/{index}/inputs/{t.Input}" || problem.Path.StartsWith($"/activities/{index}/inputs/{t.Input}/", StringComparison.Ordinal))))?.Name;
    }
}

/// <summary>The instantiated definition with the problems it still has, or why the template was refused.</summary>
internal sealed record TemplateInstantiationResult(JsonNode? Definition, IReadOnlyList<TemplateProblemJson> Problems)
{
    public bool Succeeded => Definition is not null;

    public static TemplateInstantiationResult Instantiated(JsonNode definition, IReadOnlyList<TemplateProblemJson> problems) => new(definition, problems);

    public static TemplateInstantiationResult Refused(params TemplateProblemJson[] problems) => new(null, problems);
}
