using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;

namespace ServicesSync.Activities.Services.Tempo;

/// <summary>
/// Turns a Tempo timesheet approval into the approved worklogs it covers: the user's worklogs
/// dated inside the approved period (fetched from <c>/4/worklogs/user/{accountId}</c>, following
/// pages, when not given). Routes to <c>approved</c> only when the period's status is APPROVED.
/// </summary>
[Activity(
    ServicesActivityTypes.TempoApproval,
    Category = "PSA",
    DisplayName = "Tempo timesheet approval",
    Description = "Reads a Tempo period approval (user + period) and the worklogs it covers, with billableSeconds. Outputs { accountId, period, status, "
        + "approved, reviewer, worklogs, excludedWorklogs }; 'approved' only for APPROVED periods.",
    Outcomes = [TempoOutcomes.Approved, TempoOutcomes.NotApproved])]
internal sealed class ApprovalActivity(IServiceApiClient api) : Activity<ApprovalInputs>
{
    private const int MaxPages = 100;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ApprovalInputs inputs, ActivityContext context)
    {
        var approval = inputs.Approval ?? context.Input;
        var worklogs = inputs.Worklogs switch
        {
            JsonArray list => list,
            JsonObject page when page["results"] is JsonArray results => results,
            null => await FetchAsync(approval, inputs, context),
            var other => throw context.InvalidInput("worklogs", $"must be an array of worklogs or a page with 'results'; it is {ActivityErrors.Describe(other)}."),
        };

        var output = TempoApprovalParser.Parse(approval, worklogs);
        return ActivityResult.Outcome((bool)output["approved"]! ? TempoOutcomes.Approved : TempoOutcomes.NotApproved, output);
    }

    private async Task<JsonArray> FetchAsync(JsonNode? approval, ApprovalInputs inputs, ActivityContext context)
    {
        var token = context.Require(inputs.Token, "token");
        var accountId = JsonValues.String(approval?["user"]?["accountId"]);
        var from = JsonValues.String(approval?["period"]?["from"]);
        var to = JsonValues.String(approval?["period"]?["to"]);
        if (accountId is null || from is null || to is null)
        {
            throw context.InvalidInput("approval", "needs user.accountId, period.from and period.to to fetch the worklogs.");
        }

        var all = new JsonArray();
        Uri? next = ServiceRequest.Combine(inputs.BaseUrl, $"4/worklogs/user/{Uri.EscapeDataString(accountId)}?from={from}&to={to}&limit=1000");
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var answer = await api.GetJsonAsync(new ServiceRequest("Tempo", next, ServiceAuth.Bearer(token), inputs.Timeout), context.CancellationToken);
            foreach (var worklog in answer?["results"] as JsonArray ?? [])
            {
                all.Add(worklog?.DeepClone());
            }

            next = JsonValues.String(answer?["metadata"]?["next"]) is { Length: > 0 } link ? new Uri(link) : null;
        }

        return all;
    }
}
