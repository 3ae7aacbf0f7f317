using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Testing.Stubs;

/// <summary>
/// Salesforce's REST query resource for Opportunities: a bearer session, else 401
/// <c>[{ message, errorCode: INVALID_SESSION_ID }]</c>; <c>GET /services/data/v{version}/query?q=SELECT … FROM Opportunity WHERE Id = '…'</c>
/// answers <c>{ totalSize, done, records }</c> with the selected fields (totalSize 0 for an
/// unknown id); an API version the org does not serve is 404 <c>[{ errorCode: NOT_FOUND }]</c>.
/// A single-currency org (<see cref="MultiCurrency"/> false) has no CurrencyIsoCode: selecting it
/// is 400 <c>[{ errorCode: INVALID_FIELD }]</c>, as Salesforce answers.
/// </summary>
public sealed partial class SalesforceStub : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, JsonObject> opportunities = new(StringComparer.Ordinal);

    private SalesforceStub(string accessToken) => AccessToken = accessToken;

    public StubServer Server { get; private set; } = null!;

    public string AccessToken { get; }

    public string ApiVersion { get; set; } = "62.0";

    /// <summary>Whether the org has multiple currencies enabled, i.e. whether Opportunity has CurrencyIsoCode.</summary>
    public bool MultiCurrency { get; set; } = true;

    public static async Task<SalesforceStub> StartAsync(string accessToken)
    {
        var stub = new SalesforceStub(accessToken);
        stub.Server = await StubServer.StartAsync(stub.HandleAsync);
        return stub;
    }

    /// <summary>Adds an Opportunity record (Salesforce field names: Id, Name, StageName, IsWon, Account: { Name } …).</summary>
    public SalesforceStub AddOpportunity(JsonObject record)
    {
        opportunities[(string)record["Id"]!] = record;
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context, string body)
    {
        if (!StubHttp.HasAuthorization(context, "Bearer " + AccessToken))
        {
            await StubHttp.Json(context, 401, new JsonArray(new JsonObject { ["message"] = "Session expired or invalid", ["errorCode"] = "INVALID_SESSION_ID" }));
            return;
        }

        var match = QueryPattern().Match(StubHttp.Query(context, "q"));
        if (context.Request.Path.Value != $"/services/data/v{ApiVersion}/query" || !match.Success)
        {
            await StubHttp.Json(context, 404, new JsonArray(new JsonObject { ["errorCode"] = "NOT_FOUND", ["message"] = "The requested resource does not exist" }));
            return;
        }

        var fields = match.Groups["fields"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!MultiCurrency && fields.Contains("CurrencyIsoCode", StringComparer.OrdinalIgnoreCase))
        {
            await StubHttp.Json(context, 400, new JsonArray(new JsonObject
            {
                ["message"] = "\nSELECT " + match.Groups["fields"].Value + " FROM Opportunity\n ^\nERROR at Row:1:Column:8\nNo such column 'CurrencyIsoCode' on entity 'Opportunity'.",
                ["errorCode"] = "INVALID_FIELD",
            }));
            return;
        }

        var records = new JsonArray();
        if (opportunities.TryGetValue(match.Groups["id"].Value, out var record))
        {
            var selected = new JsonObject { ["attributes"] = new JsonObject { ["type"] = "Opportunity", ["url"] = $"/services/data/v{ApiVersion}/sobjects/Opportunity/{record["Id"]}" } };
            foreach (var field in fields)
            {
                var top = field.Split('.')[0];
                if (record.TryGetPropertyValue(top, out var value))
                {
                    selected[top] = value?.DeepClone();
                }
            }

            records.Add(selected);
        }

        await StubHttp.Json(context, 200, new JsonObject { ["totalSize"] = records.Count, ["done"] = true, ["records"] = records });
    }

    [GeneratedRegex(@"^SELECT (?<fields>.+) FROM Opportunity WHERE Id = '(?<id>[A-Za-z0-9]{15,18})'$")]
    private static partial Regex QueryPattern();
}
