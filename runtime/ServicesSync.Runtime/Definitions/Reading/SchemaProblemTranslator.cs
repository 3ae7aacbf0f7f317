using System.Text.Json;
using Json.Schema;
using ServicesSync.Validation;

namespace ServicesSync.Definitions.Reading;

/// <summary>
/// Turns JSON Schema evaluation errors into sentences a non-programmer can act on. The evaluator
/// says which keyword failed where; the message is rebuilt from the schema at that place (title,
/// expected form, allowed values) and the offending value, not from the evaluator's wording.
/// </summary>
internal static class SchemaProblemTranslator
{
    public static IEnumerable<ValidationProblem> Translate(EvaluationResults results, JsonElement instance, JsonElement schemaRoot)
    {
        var seen = new HashSet<(string, string, string)>();
        foreach (var detail in (results.Details ?? []).Prepend(results))
        {
            if (detail.Errors is null || IsConditionTest(detail.EvaluationPath.ToString()))
            {
                continue;
            }

            var path = detail.InstanceLocation.ToString();
            var segments = PointerPath.Split(path);
            foreach (var (keyword, evaluatorMessage) in detail.Errors)
            {
                foreach (var problem in TranslateOne(keyword, evaluatorMessage, path, segments, instance, schemaRoot))
                {
                    if (seen.Add((problem.Code, problem.Path, problem.Message)))
                    {
                        yield return problem;
                    }
                }
            }
        }
    }

    // An "if" that does not hold is not a problem, yet the list output reports its failures too.
    private static bool IsConditionTest(string evaluationPath)
    {
        var segments = PointerPath.Split(evaluationPath);
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i] == "if" && (i == 0 || segments[i - 1] != "properties"))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<ValidationProblem> TranslateOne(
        string keyword, string evaluatorMessage, string path, IReadOnlyList<string> segments, JsonElement instance, JsonElement schemaRoot)
    {
        var value = InstanceAt(instance, segments);
        // An additionalProperties of false fails through the false schema, which has no keyword.
        if (keyword is "" or "false" && segments.Count > 0)
        {
            var parent = SchemaNavigator.Resolve(schemaRoot, segments.Take(segments.Count - 1).ToArray());
            var known = parent is null ? [] : SchemaNavigator.DeclaredProperties(schemaRoot, parent);
            yield return new(ProblemCodes.UnknownProperty, $"unknown property '{segments[^1]}'{Suggestions.DidYouMean(segments[^1], known)}", path);
            yield break;
        }

        var site = SchemaNavigator.Resolve(schemaRoot, segments);
        var schema = site?.Schema ?? default;
        var what = Subject(site, segments);
        switch (keyword)
        {
            case "required" when value is { ValueKind: JsonValueKind.Object } obj && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required):
                foreach (var name in required.EnumerateArray().Select(n => n.GetString() ?? "").Where(n => !obj.TryGetProperty(n, out _)))
                {
                    yield return new(ProblemCodes.MissingProperty, $"missing required property '{name}'", PointerPath.Append(path, name));
                }

                yield break;
            case "type" when value is { } actual && Keyword(schema, "type") is { } type:
                var expected = type.ValueKind == JsonValueKind.Array
                    ? string.Join(" or ", type.EnumerateArray().Select(t => JsonKinds.Expected(t.GetString() ?? "")))
                    : JsonKinds.Expected(type.GetString() ?? "");
                var form = site?.Form is { } f ? $" ({f})" : "";
                yield return new(ProblemCodes.WrongType, $"{what} must be {expected}{form}, not {JsonKinds.Actual(actual)}", path);
                yield break;
            case "pattern" when value is { } text:
                var expectedForm = site?.Form ?? $"text matching {Keyword(schema, "pattern")?.GetString()}";
                yield return new(ProblemCodes.InvalidFormat, $"{what} {JsonKinds.Preview(text)} is not valid; expected {expectedForm}", path);
                yield break;
            case "enum" when value is { } chosen && Keyword(schema, "enum") is { } options:
                var allowed = string.Join(", ", options.EnumerateArray().Select(o => o.ValueKind == JsonValueKind.String ? o.GetString() : o.GetRawText()));
                yield return new(ProblemCodes.ValueNotAllowed, $"{what} {JsonKinds.Preview(chosen)} is not one of: {allowed}", path);
                yield break;
            case "const" when value is { } found && Keyword(schema, "const") is { } constant:
                yield return new(ProblemCodes.ValueNotAllowed, $"{what} must be {constant.GetRawText()}, not {JsonKinds.Preview(found)}", path);
                yield break;
            case "minLength" when Keyword(schema, "minLength") is { } min:
                yield return new(ProblemCodes.InvalidLength, min.GetInt32() <= 1 ? $"{what} must not be empty" : $"{what} must be at least {min.GetInt32()} characters long", path);
                yield break;
            case "maxLength" when Keyword(schema, "maxLength") is { } max:
                yield return new(ProblemCodes.InvalidLength, $"{what} is longer than {max.GetInt32()} characters", path);
                yield break;
            case "minimum" when value is { } low && Keyword(schema, "minimum") is { } minimum:
                yield return new(ProblemCodes.OutOfRange, $"{what} must be at least {minimum.GetRawText()}, not {low.GetRawText()}", path);
                yield break;
            case "maximum" when value is { } high && Keyword(schema, "maximum") is { } maximum:
                yield return new(ProblemCodes.OutOfRange, $"{what} must be at most {maximum.GetRawText()}, not {high.GetRawText()}", path);
                yield break;
            case "uniqueItems":
                yield return new(ProblemCodes.DuplicateItem, $"{what} lists the same value more than once", path);
                yield break;
            default:
                yield return new(ProblemCodes.SchemaViolation, $"{what} is not valid: {Lower(evaluatorMessage)}", path);
                yield break;
        }
    }

    private static string Subject(SchemaSite? site, IReadOnlyList<string> segments)
    {
        if (site?.Title is { } title)
        {
            return Lower(title);
        }

        return segments.Count == 0 ? "the definition" : $"'{segments[^1]}'";
    }

    private static string Lower(string text)
        => text.Length == 0 || (text.Length > 1 && char.IsUpper(text[1])) ? text : string.Concat(text[..1].ToLowerInvariant(), text.AsSpan(1));

    private static JsonElement? Keyword(JsonElement schema, string keyword)
        => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var value) ? value : null;

    private static JsonElement? InstanceAt(JsonElement root, IReadOnlyList<string> segments)
    {
        var current = root;
        foreach (var segment in segments)
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var property))
            {
                current = property;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var index) && index >= 0 && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
