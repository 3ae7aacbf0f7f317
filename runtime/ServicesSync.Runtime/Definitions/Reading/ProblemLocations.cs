using System.Text;
using System.Text.Json;
using ServicesSync.Validation;

namespace ServicesSync.Definitions.Reading;

/// <summary>Connects problems to places: activity ids from the document, pointers from serializer paths.</summary>
internal static class ProblemLocations
{
    /// <summary>Names the activity of every problem whose path lies inside <c>/activities/N</c>.</summary>
    public static List<ValidationProblem> WithActivityIds(IEnumerable<ValidationProblem> problems, JsonElement? root)
    {
        // Indexing a JsonElement array walks it from the start, so the ids are collected once.
        string?[]? ids = null;
        return problems
            .Select(p => p.ActivityId is null && PointerPath.ActivityIndex(p.Path) is { } index && (ids ??= ActivityIds(root)) is { } known && index < known.Length && known[index] is { } id
                ? p with { ActivityId = id }
                : p)
            .ToList();
    }

    private static string?[] ActivityIds(JsonElement? root)
    {
        if (root is not { ValueKind: JsonValueKind.Object } definition
            || !definition.TryGetProperty("activities", out var activities)
            || activities.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return activities.EnumerateArray()
            .Select(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null)
            .ToArray();
    }

    /// <summary>Converts a System.Text.Json path (<c>$.activities[0]['odd.name']</c>) to a JSON Pointer.</summary>
    public static string FromSerializerPath(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return PointerPath.Root;
        }

        var path = new StringBuilder();
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = jsonPath.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? jsonPath.Length : end;
                path.Append('/').Append(PointerPath.Escape(jsonPath[(i + 1)..end]));
                i = end;
            }
            else if (jsonPath.AsSpan(i).StartsWith("['"))
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? jsonPath.Length : end;
                path.Append('/').Append(PointerPath.Escape(jsonPath[(i + 2)..end]));
                i = end + 2;
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                end = end < 0 ? jsonPath.Length : end;
                path.Append('/').Append(jsonPath[(i + 1)..end]);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }

        return path.ToString();
    }
}
