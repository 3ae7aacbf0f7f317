using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Transform;

/// <summary>
/// Renders a JSON template: every string value may hold <c>{{input.path}}</c> or
/// <c>{{vars.name.path}}</c> placeholders. A string that is one placeholder and nothing else
/// takes the referenced value with its JSON type; placeholders inside longer text are
/// stringified. <c>{{{{</c> writes a literal <c>{{</c>. Property names are never rendered, so
/// the shape of the output is visible in the template.
/// </summary>
internal sealed class TemplateRenderer
{
    private const string Open = "{{";
    private const string Close = "}}";
    private const string EscapedOpen = "{{{{";

    // Text is for people: keep non-ASCII characters as they are instead of \uXXXX escapes.
    private static readonly JsonSerializerOptions TextOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonNode? input;
    private readonly IReadOnlyDictionary<string, JsonNode?> variables;
    private readonly string errorPrefix;

    /// <param name="errorPrefix">Start of every error message, naming the activity and its input.</param>
    public TemplateRenderer(JsonNode? input, IReadOnlyDictionary<string, JsonNode?> variables, string errorPrefix)
    {
        this.input = input;
        this.variables = variables;
        this.errorPrefix = errorPrefix;
    }

    public JsonNode? Render(JsonNode? template) => Render(template, "");

    private JsonNode? Render(JsonNode? node, string location) => node switch
    {
        JsonObject obj => RenderObject(obj, location),
        JsonArray array => RenderArray(array, location),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => RenderString(value.GetValue<string>(), location),
        _ => node?.DeepClone(),
    };

    private JsonObject RenderObject(JsonObject obj, string location)
    {
        var result = new JsonObject();
        foreach (var (name, child) in obj)
        {
            result[name] = Render(child, location.Length == 0 ? name : $"{location}.{name}");
        }

        return result;
    }

    private JsonArray RenderArray(JsonArray array, string location)
    {
        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            result.Add(Render(array[i], $"{location}[{i}]"));
        }

        return result;
    }

    private JsonNode? RenderString(string text, string location)
    {
        if (IsSinglePlaceholder(text))
        {
            var found = Lookup(text[Open.Length..^Close.Length], location, out var value);
            return found ? value?.DeepClone() : null;
        }

        if (!text.Contains(Open, StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, EscapedOpen, 0, EscapedOpen.Length) == 0)
            {
                builder.Append(Open);
                i += EscapedOpen.Length;
            }
            else if (string.CompareOrdinal(text, i, Open, 0, Open.Length) == 0)
            {
                var end = text.IndexOf(Close, i + Open.Length, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw Error(location, $"a placeholder opened at character {i + 1} is not closed with '}}}}' (write '{{{{{{{{' for a literal '{{{{').");
                }

                if (Lookup(text[(i + Open.Length)..end], location, out var value))
                {
                    AppendText(builder, value);
                }

                i = end + Close.Length;
            }
            else
            {
                builder.Append(text[i]);
                i++;
            }
        }

        return JsonValue.Create(builder.ToString());
    }

    private static bool IsSinglePlaceholder(string text)
        => text.StartsWith(Open, StringComparison.Ordinal)
           && !text.StartsWith(EscapedOpen, StringComparison.Ordinal)
           && text.IndexOf(Close, Open.Length, StringComparison.Ordinal) == text.Length - Close.Length;

    private bool Lookup(string placeholder, string location, out JsonNode? value)
    {
        var pathText = placeholder.Trim();
        if (!ValuePath.TryParse(pathText, out var path, out var problem))
        {
            throw Error(location, $"placeholder '{{{{{pathText}}}}}' is not a valid path: {problem}.");
        }

        var segments = path.Segments;
        switch (segments[0].Name)
        {
            case "input":
                return ValuePath.TryResolve(input, segments.Skip(1), out value);
            case "vars" when segments.Count == 1:
                value = new JsonObject(variables.Select(pair => KeyValuePair.Create(pair.Key, pair.Value?.DeepClone())));
                return true;
            case "vars" when segments[1].Name is { } name:
                value = null;
                return variables.TryGetValue(name, out var variable)
                       && ValuePath.TryResolve(variable, segments.Skip(2), out value);
            case "vars":
                throw Error(location, $"placeholder '{{{{{pathText}}}}}' must name a variable after 'vars'.");
            default:
                throw Error(location, $"placeholder '{{{{{pathText}}}}}' must start with 'input' or 'vars'.");
        }
    }

    private static void AppendText(StringBuilder builder, JsonNode? value)
    {
        switch (value)
        {
            case null:
                break;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                builder.Append(text.GetValue<string>());
                break;
            default:
                builder.Append(value.ToJsonString(TextOptions));
                break;
        }
    }

    private ServicesSyncException Error(string location, string problem)
    {
        var where = location.Length == 0 ? "" : $" at '{location}'";
        return new ServicesSyncException($"{errorPrefix}{where}: {problem}", ErrorKind.Validation);
    }
}
