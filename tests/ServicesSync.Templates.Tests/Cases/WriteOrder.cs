namespace ServicesSync.Templates.Tests.Cases;

/// <summary>
/// Checks a case's <c>order</c>: writes arrived grouped by the listed prefixes, every write of one
/// prefix before any write of the next. Writes matching no prefix are not part of the promise.
/// Each prefix must match a write, so an order can never hold just because nothing was sent.
/// </summary>
internal static class WriteOrder
{
    public static IReadOnlyList<string> Check(IReadOnlyList<string> arrived, IReadOnlyList<string> prefixes, string where)
    {
        var problems = new List<string>();
        var groups = arrived.Select(w => (Write: w, Group: IndexOf(prefixes, w))).Where(w => w.Group >= 0).ToList();
        for (var p = 0; p < prefixes.Count; p++)
        {
            if (groups.All(g => g.Group != p))
            {
                problems.Add($"{where}[{p}]: no write starts with '{prefixes[p]}'; arrived: {string.Join(", ", arrived)}");
            }
        }

        for (var i = 1; i < groups.Count; i++)
        {
            if (groups[i].Group < groups[i - 1].Group)
            {
                problems.Add($"{where}: '{groups[i].Write}' arrived after '{groups[i - 1].Write}', but '{prefixes[groups[i].Group]}' writes must come first; arrived: {string.Join(", ", arrived)}");
            }
        }

        return problems;
    }

    private static int IndexOf(IReadOnlyList<string> prefixes, string write)
    {
        for (var i = 0; i < prefixes.Count; i++)
        {
            if (write.StartsWith(prefixes[i], StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
