namespace ServicesSync.Validation;

/// <summary>"Did you mean …?" for misspelt names: the closest candidate by edit distance, if close enough.</summary>
internal static class Suggestions
{
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        // Allow roughly one slip per three characters, never more than three: beyond that the
        // suggestion is a guess and misleads more than it helps.
        var limit = Math.Clamp(name.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= limit && distance < bestDistance && candidate != name)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>"; did you mean 'x'?" or an empty string.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
        => Closest(name, candidates) is { } closest ? $"; did you mean '{closest}'?" : "";

    /// <summary>Optimal string alignment distance: Levenshtein plus swapped neighbours, a common typo.</summary>
    internal static int Distance(string a, string b)
    {
        // Names are short (ids and type names are capped at 128 characters), so a full table is fine.
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
