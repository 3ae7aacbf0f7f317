namespace ServicesSync.Connections;

/// <summary>How a connection authenticates, and which of its fields are secret (write-only).</summary>
public static class AuthKinds
{
    public const string None = "none";
    public const string Bearer = "bearer";
    public const string Basic = "basic";
    public const string ApiKey = "apiKey";
    public const string OAuth2ClientCredentials = "oauth2ClientCredentials";

    /// <summary>NetSuite token-based authentication: OAuth 1.0a with an HMAC-SHA256 signature per request.</summary>
    public const string NetSuiteTba = "netsuiteTba";

    /// <summary>Tryton's <c>common.db.login</c> session, renewed when the server says it expired.</summary>
    public const string TrytonSession = "trytonSession";

    /// <summary>Redmine's API key in the <c>X-Redmine-API-Key</c> header.</summary>
    public const string RedmineApiKey = "redmineApiKey";

    /// <summary>
    /// BambooHR's API key: HTTP Basic with the key as the user name and a throw-away password. Its
    /// own kind because under <see cref="Basic"/> the key would sit in the non-secret user name.
    /// </summary>
    public const string BambooHrApiKey = "bambooHrApiKey";

    private static readonly Dictionary<string, string[]> SecretFieldsByKind = new(StringComparer.Ordinal)
    {
        [None] = [],
        [Bearer] = ["token"],
        [Basic] = ["password"],
        [ApiKey] = ["key"],
        [OAuth2ClientCredentials] = ["clientSecret"],
        // NetSuite shows all four only once, when the integration and the token are created.
        [NetSuiteTba] = ["consumerKey", "consumerSecret", "tokenId", "tokenSecret"],
        [TrytonSession] = ["password"],
        [RedmineApiKey] = ["apiKey"],
        [BambooHrApiKey] = ["apiKey"],
    };

    public static IReadOnlyList<string> All { get; } = [.. SecretFieldsByKind.Keys];

    public static bool IsKnown(string? kind) => kind is not null && SecretFieldsByKind.ContainsKey(kind);

    /// <summary>The secret fields of <paramref name="kind"/>, all required; empty for an unknown kind.</summary>
    public static IReadOnlyList<string> SecretFields(string kind)
        => SecretFieldsByKind.TryGetValue(kind, out var fields) ? fields : [];
}
