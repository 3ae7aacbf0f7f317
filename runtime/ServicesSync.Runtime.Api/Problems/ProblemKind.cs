namespace ServicesSync.Api.Problems;

/// <summary>
/// One kind of error the API reports: its RFC 7807 <c>type</c> URI, HTTP status and title. The
/// slug is stable so clients can branch on the type instead of parsing the detail text.
/// </summary>
public sealed record ProblemKind(string Slug, int Status, string Title)
{
    public const string TypeBase = "https://servicessync.dev/problems/";

    public string Type => TypeBase + Slug;
}
