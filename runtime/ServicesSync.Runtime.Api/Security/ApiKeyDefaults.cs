namespace ServicesSync.Api.Security;

public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "ApiKey";

    public const string HeaderName = "X-Api-Key";
}
