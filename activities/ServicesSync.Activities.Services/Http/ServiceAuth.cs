namespace ServicesSync.Activities.Services.Http;

/// <summary>
/// How a reader authenticates until connections (with encrypted secrets) replace plain inputs:
/// a bearer token, or HTTP Basic with a user (BambooHR uses the API key as the user and
/// <c>x</c> as the password; Jira uses the account e-mail and an API token).
/// </summary>
public sealed record ServiceAuth(ServiceAuthKind Kind, string Secret, string? User = null)
{
    public static ServiceAuth Bearer(string token) => new(ServiceAuthKind.Bearer, token);

    public static ServiceAuth Basic(string user, string password) => new(ServiceAuthKind.Basic, password, user);

    /// <summary>
    /// Only the scheme: these records end up in exceptions and logs, and for BambooHR even the
    /// Basic user name is the API key.
    /// </summary>
    public override string ToString() => Kind == ServiceAuthKind.Basic ? "Basic" : "Bearer";
}

public enum ServiceAuthKind
{
    Bearer,
    Basic,
}
