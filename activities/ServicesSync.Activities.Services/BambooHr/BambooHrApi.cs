using ServicesSync.Activities.Services.Http;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Requests to the BambooHR API. The base URL is everything before <c>/v1</c>:
/// <c>https://{company}.bamboohr.com/api</c> or the older
/// <c>https://api.bamboohr.com/api/gateway.php/{company}</c>. Authentication is HTTP Basic with
/// the API key as user name and any password.
/// </summary>
internal static class BambooHrApi
{
    public const string System = "BambooHR";

    public static ServiceRequest Get(string baseUrl, string apiKey, string relative, TimeSpan timeout)
        => new(System, ServiceRequest.Combine(baseUrl, relative), ServiceAuth.Basic(apiKey, "x"), timeout);
}
