using System.Text.RegularExpressions;

namespace ServicesSync.Connections;

/// <summary>
/// Checks a connection before it is stored, reporting every problem at once with the field it
/// concerns. Messages name fields, never values: a misplaced secret must not be echoed back.
/// </summary>
public static partial class ConnectionValidator
{
    public static IReadOnlyList<string> Validate(string id, ConnectionDefinition definition, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(secrets);
        var problems = new List<string>();
        if (!IsValidId(id))
        {
            problems.Add("id: use 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (!ConnectionTypes.IsKnown(definition.Type))
        {
            problems.Add($"type: must be one of {string.Join(", ", ConnectionTypes.All)}.");
        }

        CheckUrl(problems, "baseUrl", definition.BaseUrl);
        CheckAuth(problems, definition.Auth, secrets);
        CheckResilience(problems, definition.Resilience);
        return problems;
    }

    public static bool IsValidId(string? id) => id is not null && IdPattern().IsMatch(id);

    private static void CheckAuth(List<string> problems, ConnectionAuth auth, IReadOnlyDictionary<string, string> secrets)
    {
        if (!AuthKinds.IsKnown(auth.Kind))
        {
            problems.Add($"auth.kind: must be one of {string.Join(", ", AuthKinds.All)}.");
            return;
        }

        foreach (var field in AuthKinds.SecretFields(auth.Kind))
        {
            if (!secrets.TryGetValue(field, out var value) || string.IsNullOrEmpty(value))
            {
                problems.Add($"auth.{field}: is required for auth kind '{auth.Kind}' (it is secret: write-only, stored encrypted).");
            }
        }

        foreach (var name in secrets.Keys.Except(AuthKinds.SecretFields(auth.Kind), StringComparer.Ordinal))
        {
            problems.Add($"auth.{name}: is not a field of auth kind '{auth.Kind}'.");
        }

        switch (auth.Kind)
        {
            case AuthKinds.Basic:
                Require(problems, "auth.username", auth.Username, auth.Kind);
                break;
            case AuthKinds.ApiKey:
                Require(problems, "auth.headerName", auth.HeaderName, auth.Kind);
                if (auth.HeaderName is { Length: > 0 } header && !HeaderPattern().IsMatch(header))
                {
                    problems.Add("auth.headerName: is not a valid HTTP header name.");
                }

                break;
            case AuthKinds.OAuth2ClientCredentials:
                Require(problems, "auth.clientId", auth.ClientId, auth.Kind);
                if (Require(problems, "auth.tokenEndpoint", auth.TokenEndpoint, auth.Kind))
                {
                    CheckUrl(problems, "auth.tokenEndpoint", auth.TokenEndpoint!);
                }

                if (auth.ClientAuthentication is not (null or "basic" or "body"))
                {
                    problems.Add("auth.clientAuthentication: must be 'basic' or 'body'.");
                }

                break;
            case AuthKinds.NetSuiteTba:
                Require(problems, "auth.accountId", auth.AccountId, auth.Kind);
                break;
            case AuthKinds.TrytonSession:
                Require(problems, "auth.username", auth.Username, auth.Kind);
                Require(problems, "auth.database", auth.Database, auth.Kind);
                break;
        }
    }

    private static bool Require(List<string> problems, string field, string? value, string kind)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        problems.Add($"{field}: is required for auth kind '{kind}'.");
        return false;
    }

    private static void CheckResilience(List<string> problems, ConnectionResilience resilience)
    {
        if (resilience.Timeout <= TimeSpan.Zero || resilience.Timeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("resilience.timeout: must be longer than zero and at most PT10M.");
        }

        if (resilience.MaxRetries is < 0 or > 10)
        {
            problems.Add("resilience.maxRetries: must be from 0 to 10.");
        }

        if (resilience.MaxRetryDelay < TimeSpan.Zero || resilience.MaxRetryDelay > TimeSpan.FromMinutes(5))
        {
            problems.Add("resilience.maxRetryDelay: must be from PT0S to PT5M.");
        }

        if (resilience.RateLimit is { } rate)
        {
            if (rate.RequestsPerSecond is <= 0 or > 10_000 || double.IsNaN(rate.RequestsPerSecond))
            {
                problems.Add("resilience.rateLimit.requestsPerSecond: must be more than 0 and at most 10000.");
            }

            if (rate.Burst is < 1 or > 10_000)
            {
                problems.Add("resilience.rateLimit.burst: must be from 1 to 10000.");
            }

            if (rate.QueueLimit is < 0 or > 100_000)
            {
                problems.Add("resilience.rateLimit.queueLimit: must be from 0 to 100000.");
            }
        }

        var breaker = resilience.CircuitBreaker;
        if (breaker.FailureRatio is <= 0 or > 1 || double.IsNaN(breaker.FailureRatio))
        {
            problems.Add("resilience.circuitBreaker.failureRatio: must be more than 0 and at most 1.");
        }

        if (breaker.MinimumThroughput < 2)
        {
            problems.Add("resilience.circuitBreaker.minimumThroughput: must be 2 or more.");
        }

        if (breaker.SamplingDuration < TimeSpan.FromMilliseconds(500) || breaker.BreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problems.Add("resilience.circuitBreaker: samplingDuration and breakDuration must be at least PT0.5S.");
        }
    }

    private static void CheckUrl(List<string> problems, string field, string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"{field}: must be an absolute http:// or https:// URL.");
            return;
        }

        if (uri.UserInfo.Length > 0 || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            // Credentials in a URL end up in logs; they belong in the auth fields.
            problems.Add($"{field}: must not contain user info, a query string or a fragment; put credentials in auth.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")]
    private static partial Regex HeaderPattern();
}
