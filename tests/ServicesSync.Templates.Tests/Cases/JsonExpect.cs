using System.Globalization;
using System.Text.Json.Nodes;

namespace ServicesSync.Templates.Tests.Cases;

/// <summary>
/// Compares what a template produced with what its <c>expected/</c> file says. Strict by default:
/// objects need the same properties, arrays the same length and order. The string
/// <c>"&lt;any&gt;"</c> stands for a value that is generated (an id, a timestamp) and must merely be
/// present; inside a longer string it stands for the generated part (<c>"eid:canonical:&lt;any&gt;"</c>). In <see cref="JsonMatch.Subset"/> mode objects may hold more properties than expected
/// (records read back from a real system carry dozens of fields nobody asserts on).
/// </summary>
internal static class JsonExpect
{
    public const string Any = "<any>";

    public static IReadOnlyList<string> Compare(JsonNode? expected, JsonNode? actual, string path, JsonMatch mode = JsonMatch.Exact)
    {
        var problems = new List<string>();
        Compare(expected, actual, path, mode, problems);
        return problems;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, JsonMatch mode, List<string> problems)
    {
        if (expected is JsonValue marker && marker.TryGetValue<string>(out var text) && text == Any)
        {
            if (actual is null)
            {
                problems.Add($"{path}: expected a value, found null or nothing");
            }

            return;
        }

        switch (expected)
        {
            case null when actual is null:
                return;
            case JsonObject expectedObject when actual is JsonObject actualObject:
                foreach (var (name, value) in expectedObject)
                {
                    if (!actualObject.ContainsKey(name) && value is not null)
                    {
                        problems.Add($"{path}.{name}: missing (expected {Show(value)})");
                        continue;
                    }

                    Compare(value, actualObject[name], $"{path}.{name}", mode, problems);
                }

                if (mode == JsonMatch.Exact)
                {
                    foreach (var (name, value) in actualObject.Where(p => !expectedObject.ContainsKey(p.Key) && p.Value is not null))
                    {
                        problems.Add($"{path}.{name}: not expected, found {Show(value)}");
                    }
                }

                return;
            case JsonArray expectedArray when actual is JsonArray actualArray:
                if (expectedArray.Count != actualArray.Count)
                {
                    problems.Add($"{path}: expected {expectedArray.Count} items, found {actualArray.Count}: {Show(actualArray)}");
                    return;
                }

                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]", mode, problems);
                }

                return;
            case JsonValue expectedValue when actual is JsonValue actualValue:
                if (!SameValue(expectedValue, actualValue))
                {
                    problems.Add($"{path}: expected {Show(expectedValue)}, found {Show(actualValue)}");
                }

                return;
            default:
                problems.Add($"{path}: expected {Show(expected)}, found {Show(actual)}");
                return;
        }
    }

    // Numbers compare by value (1.5 equals 1.50); everything else by its JSON text.
    private static bool SameValue(JsonValue expected, JsonValue actual)
    {
        if (expected.TryGetValue<string>(out var pattern) && pattern.Contains(Any, StringComparison.Ordinal))
        {
            // "eid:canonical:<any>": the generated part of an otherwise fixed text.
            var regex = "^" + string.Join(".+", pattern.Split(Any).Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
            return actual.TryGetValue<string>(out var text) && System.Text.RegularExpressions.Regex.IsMatch(text, regex, System.Text.RegularExpressions.RegexOptions.Singleline);
        }

        if (expected.GetValueKind() == System.Text.Json.JsonValueKind.Number && actual.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            return decimal.Parse(expected.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
                   == decimal.Parse(actual.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return JsonNode.DeepEquals(expected, actual);
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length > 400 ? text[..400] + "…" : text;
    }
}

internal enum JsonMatch
{
    Exact,
    Subset,
}
