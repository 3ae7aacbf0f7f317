using System.Globalization;
using System.Xml.Linq;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>
/// The Get_Workers request of Workday's Human_Resources web service: a change pull when a
/// transaction-log window is given (only workers with transactions of the listed business
/// process types in it), every worker otherwise. Built with XML objects, so dates and type
/// names from expressions can never break out of their elements.
/// </summary>
internal static class WorkdaySoapRequest
{
    public const string DefaultVersion = "v44.2";

    private static readonly XNamespace Env = "http://schemas.xmlsoap.org/soap/envelope/";

    /// <summary>The service path: the input when given, else <c>ccx/service/{tenant}/Human_Resources/{version}</c> from the connection.</summary>
    public static string? ServicePath(Connection connection, string? service)
        => !string.IsNullOrWhiteSpace(service)
            ? service.Trim()
            : connection.Definition.Properties.TryGetValue(WorkdayApi.TenantProperty, out var tenant) && !string.IsNullOrWhiteSpace(tenant)
                ? $"ccx/service/{Uri.EscapeDataString(tenant.Trim())}/Human_Resources/{DefaultVersion}"
                : null;

    public static string GetWorkers(GetWorkersInputs inputs, DateTimeOffset? from, DateTimeOffset? through, int page)
    {
        var wd = WorkdayXml.Wd;
        var criteria = new XElement(wd + "Request_Criteria");
        if (from is { } start && through is { } end)
        {
            criteria.Add(new XElement(
                wd + "Transaction_Log_Criteria_Data",
                new XElement(
                    wd + "Transaction_Date_Range_Data",
                    new XElement(wd + "Updated_From", Instant(start)),
                    new XElement(wd + "Updated_Through", Instant(end))),
                inputs.TransactionTypes.Length == 0
                    ? null
                    : new XElement(
                        wd + "Transaction_Type_References",
                        inputs.TransactionTypes.Select(type => new XElement(
                            wd + "Transaction_Type_Reference",
                            new XElement(wd + "ID", new XAttribute(wd + "type", "Business_Process_Type"), type.Trim()))))));
        }

        criteria.Add(new XElement(wd + "Exclude_Inactive_Workers", inputs.IncludeInactive ? "false" : "true"));
        var request = new XElement(
            wd + "Get_Workers_Request",
            new XAttribute(XNamespace.Xmlns + "wd", wd.NamespaceName),
            new XAttribute(wd + "version", DefaultVersion),
            criteria,
            new XElement(
                wd + "Response_Filter",
                new XElement(wd + "Page", page.ToString(CultureInfo.InvariantCulture)),
                new XElement(wd + "Count", inputs.PageSize.ToString(CultureInfo.InvariantCulture))),
            new XElement(
                wd + "Response_Group",
                new XElement(wd + "Include_Reference", "true"),
                new XElement(wd + "Include_Personal_Information", "true"),
                new XElement(wd + "Include_Employment_Information", "true"),
                new XElement(wd + "Include_Organizations", "true"),
                new XElement(wd + "Include_Management_Chain_Data", "true")));
        var envelope = new XElement(Env + "Envelope", new XAttribute(XNamespace.Xmlns + "env", Env.NamespaceName), new XElement(Env + "Body", request));
        return envelope.ToString(SaveOptions.DisableFormatting);
    }

    private static string Instant(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
