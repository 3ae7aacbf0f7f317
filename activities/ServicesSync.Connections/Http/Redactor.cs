namespace ServicesSync.Connections.Http;

/// <summary>
/// Removes known secret values from text that leaves the pipeline (error excerpts). Belt and
/// braces: messages are built from ids and URLs, but a server may echo a header back in its body.
/// </summary>
internal static class Redactor
{
    private const int MinimumLength = 4;

    public static string Scrub(string text, IEnumerable<string> sensitive)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sensitive);
        foreach (var value in sensitive.Where(v => v.Length >= MinimumLength).OrderByDescending(v => v.Length))
        {
            text = text.Replace(value, "***", StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The URL as errors and logs may show it: no user info, no query string.</summary>
    public static string DisplayUrl(Uri uri)
        => uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
