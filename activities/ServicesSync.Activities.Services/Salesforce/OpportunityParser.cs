using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Salesforce;

/// <summary>
/// Reads a Salesforce Opportunity from a REST record, a SOQL query result or a Change Data
/// Capture event. Won means <c>IsWon</c> is true: stage labels are configurable per org ("Closed
/// Won", "Signed", a renamed stage), <c>IsWon</c> is what the stage means. A change event carries
/// only changed fields; without <c>IsWon</c> the answer is unknown, never "not won".
/// </summary>
internal static class OpportunityParser
{
    public static JsonObject Parse(JsonNode? payload)
    {
        var record = payload switch
        {
            JsonObject query when query["records"] is JsonArray records => records.Count == 1 && records[0] is JsonObject one
                ? one
                : throw Invalid($"the query result has {records.Count} records; pass exactly one opportunity."),
            JsonObject single => single,
            _ => throw Invalid($"the opportunity must be an object; it is {ActivityErrors.Describe(payload)}."),
        };

        var header = record["ChangeEventHeader"] as JsonObject;
        var id = JsonValues.String(record["Id"]) ?? (header?["recordIds"] as JsonArray)?.FirstOrDefault()?.GetValue<string>() ?? throw Invalid("the opportunity has no Id.");
        var type = JsonValues.String(record["attributes"]?["type"]) ?? JsonValues.String(header?["entityName"]);
        if (type is not null && type != "Opportunity")
        {
            throw Invalid($"the record is a {type}, not an Opportunity.");
        }

        var output = new JsonObject { ["id"] = id };
        Copy(record, output, "Name", "name");
        Copy(record, output, "AccountId", "accountId");
        if (record["Account"]?["Name"] is JsonValue accountName)
        {
            output["accountName"] = accountName.DeepClone();
        }

        Copy(record, output, "StageName", "stageName");
        Copy(record, output, "IsWon", "isWon");
        Copy(record, output, "IsClosed", "isClosed");
        Copy(record, output, "CloseDate", "closeDate");
        Copy(record, output, "Amount", "amount");
        Copy(record, output, "CurrencyIsoCode", "currency");
        Copy(record, output, "Probability", "probability");
        if (header is not null)
        {
            output["changeType"] = JsonValues.String(header["changeType"]);
        }

        return output;
    }

    /// <summary>The outcome: <c>won</c> only when IsWon is true, <c>notWon</c> when false, <c>unknown</c> when not sent.</summary>
    public static string Outcome(JsonObject opportunity) => opportunity["isWon"] switch
    {
        JsonValue value when value.TryGetValue<bool>(out var won) => won ? SalesforceOutcomes.Won : SalesforceOutcomes.NotWon,
        _ => SalesforceOutcomes.Unknown,
    };

    private static void Copy(JsonObject from, JsonObject to, string field, string name)
    {
        if (from.TryGetPropertyValue(field, out var value))
        {
            to[name] = value?.DeepClone();
        }
    }

    private static ServicesSyncException Invalid(string problem) => new($"Salesforce opportunity: {problem}", ErrorKind.Validation);
}
