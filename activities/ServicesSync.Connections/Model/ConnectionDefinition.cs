namespace ServicesSync.Connections;

/// <summary>
/// Everything about a connection except its secrets: safe to store as plain JSON, to return
/// from the API and to show in the designer.
/// </summary>
public sealed record ConnectionDefinition
{
    /// <summary>One of <see cref="ConnectionTypes"/>.</summary>
    public required string Type { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>Absolute http(s) URL that request paths are resolved against; no user info, no query.</summary>
    public required string BaseUrl { get; init; }

    public ConnectionAuth Auth { get; init; } = new();

    public ConnectionResilience Resilience { get; init; } = new();

    /// <summary>Type-specific settings that are not secret (e.g. a Redmine default activity id).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}

/// <summary>The non-secret half of a connection's authentication; which fields apply depends on <see cref="Kind"/>.</summary>
public sealed record ConnectionAuth
{
    /// <summary>One of <see cref="AuthKinds"/>.</summary>
    public string Kind { get; init; } = AuthKinds.None;

    /// <summary>basic, trytonSession.</summary>
    public string? Username { get; init; }

    /// <summary>apiKey: the header that carries the key, e.g. <c>X-Api-Key</c>.</summary>
    public string? HeaderName { get; init; }

    /// <summary>oauth2ClientCredentials: absolute URL of the token endpoint.</summary>
    public string? TokenEndpoint { get; init; }

    /// <summary>oauth2ClientCredentials.</summary>
    public string? ClientId { get; init; }

    /// <summary>oauth2ClientCredentials: space-separated scopes, optional.</summary>
    public string? Scope { get; init; }

    /// <summary>oauth2ClientCredentials: <c>basic</c> (RFC 6749's default) or <c>body</c> for the client credentials.</summary>
    public string? ClientAuthentication { get; init; }

    /// <summary>netsuiteTba: the account id (e.g. <c>1234567_SB1</c>), used as the OAuth realm.</summary>
    public string? AccountId { get; init; }

    /// <summary>trytonSession: the database name, the first path segment of every call.</summary>
    public string? Database { get; init; }
}

/// <summary>How the shared HTTP pipeline treats this connection's calls.</summary>
public sealed record ConnectionResilience
{
    /// <summary>Time allowed for one attempt, response body included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Quick retries of transient failures inside one activity execution. Kept small on purpose:
    /// the activity's retry policy handles longer outages (see docs/connections.md).
    /// </summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Longest wait between two quick retries; a longer <c>Retry-After</c> is left to the activity's policy.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Token bucket in front of the system; null for no limit.</summary>
    public RateLimitSettings? RateLimit { get; init; }

    public CircuitBreakerSettings CircuitBreaker { get; init; } = new();
}

/// <summary>A token bucket: <see cref="RequestsPerSecond"/> on average, bursts of up to <see cref="Burst"/>.</summary>
public sealed record RateLimitSettings
{
    public double RequestsPerSecond { get; init; } = 10;

    public int Burst { get; init; } = 1;

    /// <summary>Requests allowed to wait for a token; more fail as transient errors.</summary>
    public int QueueLimit { get; init; } = 1000;
}

/// <summary>When the circuit of a connection opens: the failure ratio over a window with enough calls.</summary>
public sealed record CircuitBreakerSettings
{
    public double FailureRatio { get; init; } = 0.5;

    public int MinimumThroughput { get; init; } = 10;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);
}
