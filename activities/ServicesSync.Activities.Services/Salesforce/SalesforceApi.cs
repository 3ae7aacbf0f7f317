using System.Text.RegularExpressions;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.Salesforce;

/// <summary>
/// The REST query endpoint of a <c>salesforce</c> connection: <c>services/data/v{apiVersion}/query</c>
/// under the org's My Domain URL, the API version from the connection's property
/// <c>apiVersion</c>. SOQL is built from checked parts only: ids and field names are matched
/// against their grammar, so nothing from a payload is ever spliced into a query as text.
/// </summary>
internal static partial class SalesforceApi
{
    public const string ApiVersionProperty = "apiVersion";
    public const string DefaultApiVersion = "62.0";

    /// <summary>The record currency; only multi-currency orgs have it.</summary>
    public const string CurrencyField = "CurrencyIsoCode";

    public static string QueryPath(Connection connection)
    {
        var version = connection.Definition.Properties.TryGetValue(ApiVersionProperty, out var configured) && !string.IsNullOrWhiteSpace(configured)
            ? configured.Trim().TrimStart('v')
            : DefaultApiVersion;
        return VersionPattern().IsMatch(version)
            ? $"services/data/v{version}/query"
            : throw new Errors.ServicesSyncException(
                $"Connection '{connection.Id}': property '{ApiVersionProperty}' must be a Salesforce API version such as {DefaultApiVersion}.", Errors.ErrorKind.Configuration);
    }

    /// <summary>A 15- or 18-character record id.</summary>
    public static bool IsRecordId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static bool IsFieldName(string? name) => name is not null && FieldPattern().IsMatch(name);

    public static string OpportunityById(IEnumerable<string> fields, string id)
        => $"SELECT {string.Join(", ", fields)} FROM Opportunity WHERE Id = '{id}'";

    [GeneratedRegex(@"^[0-9]{2,3}\.[0-9]$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$")]
    private static partial Regex FieldPattern();
}
