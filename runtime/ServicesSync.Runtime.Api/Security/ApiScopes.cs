namespace ServicesSync.Api.Security;

/// <summary>
/// What an API key (or a token) may do. Each is also the name of the authorization policy that
/// guards the routes needing it; scopes do not imply each other.
/// </summary>
public static class ApiScopes
{
    /// <summary>Every GET route under /api/v1.</summary>
    public const string Read = "read";

    /// <summary>Creating, changing, deleting and publishing workflows.</summary>
    public const string Write = "write";

    /// <summary>Starting runs, retrying and cancelling instances, retrying and discarding dead letters.</summary>
    public const string Run = "run";

    /// <summary>The claim type carrying scopes, one claim per scope or space-separated as OAuth 2 does.</summary>
    public const string ClaimType = "scope";

    public static IReadOnlyList<string> All { get; } = [Read, Write, Run];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
