using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Transform;

/// <summary>
/// A path into JSON such as <c>input.items[0].id</c> or <c>vars["cost center"]</c>: dotted
/// names, <c>[index]</c> into arrays and quoted names for keys that contain dots or spaces.
/// Deliberately tiny: templates need lookups, not a query language.
/// </summary>
internal sealed class ValuePath
{
    private ValuePath(IReadOnlyList<PathSegment> segments) => Segments = segments;

    /// <summary>At least one segment; the first is always a name.</summary>
    public IReadOnlyList<PathSegment> Segments { get; }

    public static bool TryParse(string text, [NotNullWhen(true)] out ValuePath? path, [NotNullWhen(false)] out string? error)
    {
        path = null;
        var segments = new List<PathSegment>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                if (segments.Count == 0)
                {
                    error = "a path must start with a name";
                    return false;
                }

                if (!TryReadBracket(text, ref i, out var segment, out error))
                {
                    return false;
                }

                segments.Add(segment);
                continue;
            }

            if (segments.Count > 0)
            {
                if (text[i] != '.')
                {
                    error = $"expected '.' or '[' at position {i + 1}";
                    return false;
                }

                i++;
            }

            var start = i;
            while (i < text.Length && text[i] is not ('.' or '[' or ']') && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                error = $"expected a name at position {start + 1}";
                return false;
            }

            segments.Add(PathSegment.Property(text[start..i]));
        }

        if (segments.Count == 0)
        {
            error = "the path is empty";
            return false;
        }

        path = new ValuePath(segments);
        error = null;
        return true;
    }

    /// <summary>Follows <paramref name="segments"/> from <paramref name="root"/>; false when any step is missing.</summary>
    public static bool TryResolve(JsonNode? root, IEnumerable<PathSegment> segments, out JsonNode? value)
    {
        value = root;
        foreach (var segment in segments)
        {
            switch (value)
            {
                case JsonObject obj when segment.Name is { } name && obj.TryGetPropertyValue(name, out var child):
                    value = child;
                    break;
                case JsonArray array when segment.Index is { } index && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }

    private static bool TryReadBracket(string text, ref int i, out PathSegment segment, [NotNullWhen(false)] out string? error)
    {
        segment = default;
        var open = i;
        i++;
        if (i < text.Length && text[i] is '\'' or '"')
        {
            var quote = text[i];
            var close = text.IndexOf(quote, i + 1);
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ']')
            {
                error = $"unclosed quoted name at position {open + 1}";
                return false;
            }

            segment = PathSegment.Property(text[(i + 1)..close]);
            i = close + 2;
            error = null;
            return true;
        }

        var end = text.IndexOf(']', i);
        if (end < 0)
        {
            error = $"missing ']' after position {open + 1}";
            return false;
        }

        var digits = text[i..end];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            error = $"'[{digits}]' is not an array index (a whole number from 0)";
            return false;
        }

        segment = PathSegment.At(index);
        i = end + 1;
        error = null;
        return true;
    }
}

/// <summary>One step of a <see cref="ValuePath"/>: a property name or an array index.</summary>
internal readonly record struct PathSegment(string? Name, int? Index)
{
    public static PathSegment Property(string name) => new(name, null);

    public static PathSegment At(int index) => new(null, index);
}
