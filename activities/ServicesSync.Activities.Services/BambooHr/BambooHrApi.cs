using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Paths of the BambooHR API on a <c>bamboohr</c> connection. The company belongs to the
/// connection: either its property <c>companyDomain</c> (the part before <c>.bamboohr.com</c>),
/// with the base URL <c>https://api.bamboohr.com/</c>, giving
/// <c>/api/gateway.php/{companyDomain}/v1/…</c>; or a base URL that already ends where
/// <c>v1/</c> starts (<c>https://acme.bamboohr.com/api/</c>). Authentication is the connection's
/// (auth kind <c>bambooHrApiKey</c>: HTTP Basic with the API key as user name and any password).
/// </summary>
internal static class BambooHrApi
{
    public const string CompanyDomainProperty = "companyDomain";

    public static string Path(Connection connection, string relative)
        => connection.Definition.Properties.TryGetValue(CompanyDomainProperty, out var company) && !string.IsNullOrWhiteSpace(company)
            ? $"api/gateway.php/{Uri.EscapeDataString(company.Trim())}/{relative}"
            : relative;
}
