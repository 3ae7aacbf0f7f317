using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>
/// Paths of Workday's REST API on a <c>workday</c> connection. The tenant belongs to the
/// connection: its property <c>tenant</c> (base URL = the tenant's services host) gives
/// <c>ccx/api/v1/{tenant}/workers</c>; without it the base URL already ends at the tenant
/// (<c>https://wd2-impl-services1.workday.com/ccx/api/v1/acme/</c>, or a versioned service such
/// as <c>…/ccx/api/staffing/v6/acme/</c>).
/// </summary>
internal static class WorkdayApi
{
    public const string TenantProperty = "tenant";

    public static string Path(Connection connection, string relative)
        => connection.Definition.Properties.TryGetValue(TenantProperty, out var tenant) && !string.IsNullOrWhiteSpace(tenant)
            ? $"ccx/api/v1/{Uri.EscapeDataString(tenant.Trim())}/{relative}"
            : relative;
}
