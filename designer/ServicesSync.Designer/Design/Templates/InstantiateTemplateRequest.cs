using System.Text.Json.Nodes;

namespace ServicesSync.Designer.Design.Templates;

/// <summary>
/// The body of <c>POST /api/v1/design/templates/{name}/instantiate</c>:
/// <c>{"parameters": {"erpConnection": "netsuite-prod", "rateCard": {…}}}</c>. Values are taken as
/// <c>servicessync import --params FILE</c> takes them: strings as they are, anything else as its
/// JSON text; a null value counts as not given, so the parameter's default applies.
/// </summary>
internal static class InstantiateTemplateRequest
{
    public const string ParametersProperty = "parameters";

    /// <summary>Parameter values are small (a rate card is the largest); 1 MB leaves ample room.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public static (IReadOnlyDictionary<string, string>? Values, string? Error) Parse(JsonNode? body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body is null)
        {
            return (values, null);
        }

        if (body is not JsonObject root)
        {
            return (null, "The body must be a JSON object: {\"parameters\": {\"name\": value, …}}.");
        }

        // Nothing but parameter values is accepted: a template never takes secrets or settings beside them.
        var extra = root.Select(p => p.Key).Where(k => k != ParametersProperty).Order(StringComparer.Ordinal).ToArray();
        if (extra.Length > 0)
        {
            return (null, $"The body has {string.Join(", ", extra.Select(k => $"'{k}'"))}; it takes only 'parameters', an object of parameter names to values.");
        }

        switch (root[ParametersProperty])
        {
            case null:
                return (values, null);
            case JsonObject parameters:
                foreach (var (name, value) in parameters)
                {
                    if (value is null)
                    {
                        continue;
                    }

                    values[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value.ToJsonString();
                }

                return (values, null);
            default:
                return (null, "'parameters' must be a JSON object of parameter names to values.");
        }
    }
}
