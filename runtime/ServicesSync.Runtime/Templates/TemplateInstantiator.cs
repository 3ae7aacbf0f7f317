using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ServicesSync.Templates;

/// <summary>
/// Writes parameter values into a template's workflow. Values arrive as text (from a command line
/// or a form) and are converted by the parameter's kind; JSON parameters take JSON text.
/// </summary>
internal static partial class TemplateInstantiator
{
    public static TemplateInstance Instantiate(TemplateFolder template, IReadOnlyDictionary<string, string> values)
    {
        var problems = new List<TemplateProblem>();
        var known = template.Manifest.Parameters.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in values.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal))
        {
            problems.Add(new(TemplateProblemCodes.Unknown, unknown, known.Count == 0
                ? $"template '{template.Name}' has no parameters, but '{unknown}' was given"
                : $"template '{template.Name}' has no parameter '{unknown}'; it has {string.Join(", ", known.Order(StringComparer.Ordinal))}"));
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(template.WorkflowJson);
        }
        catch (JsonException ex)
        {
            // A hand-edited template is the usual cause; point at the spot like an editor would.
            return new TemplateInstance(null, [new(TemplateProblemCodes.InvalidJson, null, $"{TemplateFolder.WorkflowFile} of template '{template.Name}' is not valid JSON {Describe(ex)}")]);
        }

        if (parsed is not JsonObject workflow)
        {
            return new TemplateInstance(null, [new(TemplateProblemCodes.NotAnObject, null, $"{TemplateFolder.WorkflowFile} of template '{template.Name}' is not a JSON object")]);
        }

        foreach (var parameter in template.Manifest.Parameters)
        {
            JsonNode? value;
            if (values.TryGetValue(parameter.Name, out var text))
            {
                value = Convert(parameter, text, problems);
            }
            else if (parameter.Default is not null)
            {
                value = parameter.Default.DeepClone();
            }
            else
            {
                problems.Add(new(
                    TemplateProblemCodes.Missing,
                    parameter.Name,
                    $"template '{template.Name}' needs parameter '{parameter.Name}' ({parameter.Title}"
                        + (parameter.ConnectionType is null ? "" : $": the id of a {parameter.ConnectionType} connection") + ")",
                    $"pass --param {parameter.Name}=<value>"));
                continue;
            }

            foreach (var target in parameter.Targets)
            {
                Write(workflow, target, value, parameter, template, problems);
            }
        }

        return problems.Count > 0
            ? new TemplateInstance(null, problems)
            : new TemplateInstance(workflow.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), []);
    }

    private static JsonNode? Convert(TemplateParameter parameter, string text, List<TemplateProblem> problems)
    {
        switch (parameter.Kind)
        {
            case TemplateParameterKind.Number:
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return JsonValue.Create(number);
                }

                problems.Add(new(TemplateProblemCodes.WrongKind, parameter.Name, $"parameter '{parameter.Name}' must be a number; got '{text}'"));
                return null;
            case TemplateParameterKind.Boolean:
                if (bool.TryParse(text, out var flag))
                {
                    return JsonValue.Create(flag);
                }

                problems.Add(new(TemplateProblemCodes.WrongKind, parameter.Name, $"parameter '{parameter.Name}' must be true or false; got '{text}'"));
                return null;
            case TemplateParameterKind.Json:
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException ex)
                {
                    problems.Add(new(TemplateProblemCodes.WrongKind, parameter.Name, $"parameter '{parameter.Name}' must be JSON; it is not valid {Describe(ex)}"));
                    return null;
                }

            case TemplateParameterKind.Connection when !string.IsNullOrWhiteSpace(text) && !ConnectionId().IsMatch(text):
                // Never quote the value: whoever pastes settings or a token here has pasted a secret.
                problems.Add(new(
                    TemplateProblemCodes.WrongKind,
                    parameter.Name,
                    $"parameter '{parameter.Name}' must be the id of {(parameter.ConnectionType is null ? "a connection" : $"a {parameter.ConnectionType} connection")} "
                        + "(1 to 100 letters, digits, '.', '_' or '-'), never its settings or credentials; create the connection in the target installation and pass its id"));
                return null;

            default:
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add(new(TemplateProblemCodes.Empty, parameter.Name, $"parameter '{parameter.Name}' is empty"));
                }

                return JsonValue.Create(text);
        }
    }

    /// <summary>"at line 1, position 3: 'n' is an invalid start of a value" (1-based, as editors count).</summary>
    private static string Describe(JsonException exception)
    {
        var reason = exception.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
        return exception.LineNumber is null ? $": {reason}" : $"at line {exception.LineNumber + 1}, position {exception.BytePositionInLine + 1}: {reason}";
    }

    /// <summary>The connection id rule of the connections API (1 to 100 characters).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ConnectionId();

    private static void Write(JsonObject workflow, TemplateTarget target, JsonNode? value, TemplateParameter parameter, TemplateFolder template, List<TemplateProblem> problems)
    {
        if (target.Variable is { } variable)
        {
            if (workflow["variables"] is not JsonObject variables)
            {
                workflow["variables"] = variables = [];
            }

            variables[variable] = value?.DeepClone();
            return;
        }

        var node = (workflow["activities"] as JsonArray)?
            .OfType<JsonObject>()
            .FirstOrDefault(a => a["id"] is JsonValue id && id.TryGetValue<string>(out var text) && text == target.Activity);
        if (node is null || target.Input is null)
        {
            problems.Add(new(TemplateProblemCodes.TargetMissing, parameter.Name, $"parameter '{parameter.Name}' of template '{template.Name}' targets {target}, which its workflow does not have"));
            return;
        }

        if (node["inputs"] is not JsonObject inputs)
        {
            node["inputs"] = inputs = [];
        }

        inputs[target.Input] = value?.DeepClone();
    }
}
