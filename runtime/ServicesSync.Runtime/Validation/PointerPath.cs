namespace ServicesSync.Validation;

/// <summary>Builds and splits JSON Pointers (RFC 6901), the paths of <see cref="ValidationProblem"/>s.</summary>
internal static class PointerPath
{
    public const string Root = "";

    /// <summary>Orders problems as a reader expects: by place in the document (see <see cref="Compare"/>).</summary>
    public static IComparer<string> Comparer { get; } = Comparer<string>.Create(Compare);

    public static string Append(string path, string segment)
        => string.Concat(path, "/", Escape(segment));

    public static string Append(string path, int index)
        => string.Concat(path, "/", index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static string Activity(int index) => Append("/activities", index);

    public static string Connection(int index) => Append("/connections", index);

    public static string Escape(string segment)
        => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static IReadOnlyList<string> Split(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        return path[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>The index N of a path inside <c>/activities/N</c>, if it is one.</summary>
    public static int? ActivityIndex(string path)
    {
        var segments = Split(path);
        return segments.Count >= 2 && segments[0] == "activities" && int.TryParse(segments[1], out var index) && index >= 0
            ? index
            : null;
    }

    /// <summary>Orders paths as a reader expects: segment by segment, array indexes by number.</summary>
    public static int Compare(string? left, string? right)
    {
        var a = Split(left ?? "");
        var b = Split(right ?? "");
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
        {
            var order = int.TryParse(a[i], out var x) && int.TryParse(b[i], out var y)
                ? x.CompareTo(y)
                : string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return a.Count.CompareTo(b.Count);
    }
}
