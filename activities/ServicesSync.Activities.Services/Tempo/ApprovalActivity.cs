using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.Tempo;

/// <summary>
/// Turns a Tempo timesheet approval into the approved worklogs it covers: the user's worklogs
/// dated inside the approved period (fetched from <c>/4/worklogs/user/{accountId}</c>, following
/// pages, when not given). An approval without a status (a schedule that knows only user and
/// period) is read from <c>/4/timesheet-approvals/user/{accountId}</c> first. Routes to
/// <c>approved</c> only when the period's status is APPROVED.
/// </summary>
[Activity(
    ServicesActivityTypes.TempoApproval,
    Category = "PSA",
    DisplayName = "Tempo timesheet approval",
    Description = "Reads a Tempo period approval (user + period) and the worklogs it covers, with billableSeconds, fetching what is not given through a tempo connection. "
        + "Outputs { accountId, period, status, approved, reviewer, worklogs, excludedWorklogs }; 'approved' only for APPROVED periods.",
    Outcomes = [TempoOutcomes.Approved, TempoOutcomes.NotApproved])]
internal sealed class ApprovalActivity(VendorApi api) : Activity<ApprovalInputs>
{
    private const int MaxPages = 100;

    protected override async ValueTask<ActivityResult> ExecuteAsync(ApprovalInputs inputs, ActivityContext context)
    {
        var approval = inputs.Approval ?? context.Input;
        if (approval is JsonObject given && given["status"] is null)
        {
            approval = await FetchApprovalAsync(given, inputs, context);
        }

        var worklogs = inputs.Worklogs switch
        {
            JsonArray list => list,
            JsonObject page when page["results"] is JsonArray results => results,
            null => await FetchWorklogsAsync(approval, inputs, context),
            var other => throw context.InvalidInput("worklogs", $"must be an array of worklogs or a page with 'results'; it is {ActivityErrors.Describe(other)}."),
        };

        var output = TempoApprovalParser.Parse(approval, worklogs);
        return ActivityResult.Outcome((bool)output["approved"]! ? TempoOutcomes.Approved : TempoOutcomes.NotApproved, output);
    }

    private async Task<JsonNode?> FetchApprovalAsync(JsonObject approval, ApprovalInputs inputs, ActivityContext context)
    {
        var (accountId, from, to) = UserAndPeriod(approval, context, "to read its status");
        var connection = await ConnectionAsync(inputs, context, "the approval has no status");
        return await api.GetJsonAsync(
            connection,
            $"4/timesheet-approvals/user/{Uri.EscapeDataString(accountId)}",
            new Dictionary<string, string> { ["from"] = from, ["to"] = to },
            context.CancellationToken);
    }

    private async Task<JsonArray> FetchWorklogsAsync(JsonNode? approval, ApprovalInputs inputs, ActivityContext context)
    {
        var (accountId, from, to) = UserAndPeriod(approval, context, "to fetch the worklogs");
        var connection = await ConnectionAsync(inputs, context, "input 'worklogs' is not given");
        var all = new JsonArray();
        string? next = $"4/worklogs/user/{Uri.EscapeDataString(accountId)}";
        var query = new Dictionary<string, string> { ["from"] = from, ["to"] = to, ["limit"] = "1000" };
        for (var page = 0; next is not null && page < MaxPages; page++)
        {
            var answer = await api.GetJsonAsync(connection, next, query, context.CancellationToken);
            foreach (var worklog in answer?["results"] as JsonArray ?? [])
            {
                all.Add(worklog?.DeepClone());
            }

            // metadata.next is an absolute URL with every parameter; the pipeline refuses it unless it is on the connection's host.
            next = JsonValues.String(answer?["metadata"]?["next"]) is { Length: > 0 } link ? link : null;
            query = null;
        }

        return all;
    }

    private Task<Connection> ConnectionAsync(ApprovalInputs inputs, ActivityContext context, string why)
        => string.IsNullOrWhiteSpace(inputs.Connection)
            ? throw context.InvalidInput("connection", $"is required because {why}: name a tempo connection.")
            : api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.Tempo);

    private static (string AccountId, string From, string To) UserAndPeriod(JsonNode? approval, ActivityContext context, string purpose)
    {
        var accountId = JsonValues.String(approval?["user"]?["accountId"]);
        var from = JsonValues.String(approval?["period"]?["from"]);
        var to = JsonValues.String(approval?["period"]?["to"]);
        return accountId is null || from is null || to is null
            ? throw context.InvalidInput("approval", $"needs user.accountId, period.from and period.to {purpose}.")
            : (accountId, from, to);
    }
}
