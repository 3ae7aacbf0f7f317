using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.Jira;

/// <summary>
/// Reads a Jira worklog webhook and fetches its issue (<c>GET /rest/api/3/issue/{issueId}</c>),
/// because the payload names the issue by id only: without the fetch there is no issue key and
/// no project to bill. Deleted worklogs go to <c>deleted</c> without a fetch (the issue may be gone).
/// </summary>
[Activity(
    ServicesActivityTypes.JiraWorklogEvent,
    Category = "PSA",
    DisplayName = "Jira worklog event",
    Description = "Reads a worklog_created/updated/deleted webhook and fetches the issue through a jira connection for its key and project. "
        + "Outputs { event, worklogId, issueId, issueKey, projectKey, author { accountId, timeZone }, started, timeSpentSeconds, comment }.",
    Outcomes = [JiraOutcomes.Worklog, JiraOutcomes.Deleted])]
internal sealed class WorklogEventActivity(VendorApi api) : Activity<WorklogEventInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(WorklogEventInputs inputs, ActivityContext context)
    {
        var (kind, worklog) = JiraWorklogParser.Parse(inputs.Payload ?? context.Input);
        if (kind == "deleted")
        {
            return ActivityResult.Outcome(JiraOutcomes.Deleted, worklog);
        }

        if (inputs.FetchIssue)
        {
            if (string.IsNullOrWhiteSpace(inputs.Connection))
            {
                throw context.InvalidInput("connection", "is required to fetch the issue (the webhook names it by id only); set fetchIssue to false if a later step resolves it.");
            }

            var connection = await api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.Jira);
            var issue = await api.GetJsonAsync(
                connection,
                $"rest/api/3/issue/{Uri.EscapeDataString((string)worklog["issueId"]!)}",
                new Dictionary<string, string> { ["fields"] = "project,summary" },
                context.CancellationToken);
            JiraWorklogParser.AddIssue(worklog, issue);
        }

        return ActivityResult.Outcome(JiraOutcomes.Worklog, worklog);
    }
}
