using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Salesforce;

/// <summary>
/// Routes a Salesforce Opportunity by <c>IsWon</c>, never by the stage label. A change event
/// carries only changed fields; with a connection, such an opportunity is queried by id so the
/// route rests on the record's IsWon, not on a guess.
/// </summary>
[Activity(
    ServicesActivityTypes.SalesforceOpportunity,
    Category = "CRM",
    DisplayName = "Salesforce opportunity",
    Description = "Reads an Opportunity (REST record, query result or change event). Outputs { id, name, accountId, stageName, isWon, closeDate, amount, "
        + "currency }; 'won' only when IsWon is true. Without IsWon in the payload it queries the record through a salesforce connection when one is "
        + "named, else the outcome is 'unknown'. A DELETE or GAP_DELETE change event goes to 'deleted' (never queried).",
    Outcomes = [SalesforceOutcomes.Won, SalesforceOutcomes.NotWon, SalesforceOutcomes.Unknown, SalesforceOutcomes.Deleted])]
internal sealed class OpportunityActivity(VendorApi api) : Activity<OpportunityInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(OpportunityInputs inputs, ActivityContext context)
    {
        var opportunity = OpportunityParser.Parse(inputs.Opportunity ?? context.Input);
        if (JsonValues.String(opportunity["changeType"]) is "DELETE" or "GAP_DELETE")
        {
            // A deleted record cannot be queried and says nothing about IsWon: its own route, so a
            // workflow can ignore it (or alert) instead of blaming field-level security.
            return ActivityResult.Outcome(SalesforceOutcomes.Deleted, opportunity);
        }

        if (OpportunityParser.Outcome(opportunity) == SalesforceOutcomes.Unknown && !string.IsNullOrWhiteSpace(inputs.Connection))
        {
            opportunity = await QueryAsync(opportunity, inputs, context);
        }

        return ActivityResult.Outcome(OpportunityParser.Outcome(opportunity), opportunity);
    }

    private async Task<JsonObject> QueryAsync(JsonObject known, OpportunityInputs inputs, ActivityContext context)
    {
        var id = (string)known["id"]!;
        if (!SalesforceApi.IsRecordId(id))
        {
            throw context.Invalid("the opportunity id is not a Salesforce record id (15 or 18 letters and digits), so it cannot be queried.");
        }

        var fields = inputs.Fields.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (fields.FirstOrDefault(f => !SalesforceApi.IsFieldName(f)) is { } bad)
        {
            throw context.InvalidInput("fields", $"has '{bad}', which is not a SOQL field name such as StageName or Account.Name.");
        }

        if (!fields.Contains("IsWon", StringComparer.OrdinalIgnoreCase))
        {
            fields.Add("IsWon");
        }

        var connection = await api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.Salesforce);
        var path = SalesforceApi.QueryPath(connection);
        Dictionary<string, string> Query(IEnumerable<string> selected) => new() { ["q"] = SalesforceApi.OpportunityById(selected, id) };
        JsonNode? answer = null;
        if (!fields.Contains(SalesforceApi.CurrencyField, StringComparer.OrdinalIgnoreCase))
        {
            // Multi-currency orgs need the record's currency (else the deal is booked in the
            // workflow's default); single-currency orgs have no such field and answer 400
            // INVALID_FIELD, so the query is repeated without it and the default applies.
            answer = await api.GetJsonAsync(connection, path, Query(fields.Append(SalesforceApi.CurrencyField)), context.CancellationToken, notFound: 400);
        }

        answer ??= await api.GetJsonAsync(connection, path, Query(fields), context.CancellationToken);
        if (JsonValues.Long(answer?["totalSize"]) is 0 || answer?["records"] is JsonArray { Count: 0 })
        {
            throw new ServicesSyncException(
                $"Activity '{context.ActivityId}' ({context.ActivityType}): Salesforce has no Opportunity {id} visible to connection '{connection.Id}' (deleted, or not shared with its user).",
                ErrorKind.Permanent);
        }

        var record = OpportunityParser.Parse(answer);
        if (known["changeType"] is { } change)
        {
            record["changeType"] = change.DeepClone();
        }

        return record;
    }
}
