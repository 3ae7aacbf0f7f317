using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Templates;

/// <summary>
/// Writes parameter values into a template's workflow. Values arrive as text (from a command line
/// or a form) and are converted by the parameter's kind; JSON parameters take JSON text.
/// </summary>
internal static class TemplateInstantiator
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
            var where = ex.LineNumber is null ? "" : $" at line {ex.LineNumber + 1}, position {ex.BytePositionInLine + 1}";
            var reason = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd();
            return new TemplateInstance(null, [new(TemplateProblemCodes.InvalidJson, null, $"{TemplateFolder.WorkflowFile} of template '{template.Name}' is not valid JSON{where}: {reason}")]);
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
                    problems.Add(new(TemplateProblemCodes.WrongKind, parameter.Name, $"parameter '{parameter.Name}' must be JSON: {ex.Message}"));
                    return null;
                }

            default:
                if (string.IsNullOrWhiteSpace(text))
                {
                    problems.Add(new(TemplateProblemCodes.Empty, parameter.Name, $"parameter '{parameter.Name}' is empty"));
                }

                return JsonValue.Create(text);
        }
    }

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
