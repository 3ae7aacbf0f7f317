using ServicesSync.Activities.Services.Http;

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
    Description = "Reads a worklog_created/updated/deleted webhook and fetches the issue for its key and project. Outputs { event, worklogId, issueId, "
        + "issueKey, projectKey, author { accountId, timeZone }, started, timeSpentSeconds, comment }.",
    Outcomes = [JiraOutcomes.Worklog, JiraOutcomes.Deleted])]
internal sealed class WorklogEventActivity(IServiceApiClient api) : Activity<WorklogEventInputs>
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
            var baseUrl = context.Require(inputs.BaseUrl, "baseUrl");
            var token = context.Require(inputs.ApiToken, "apiToken");
            var auth = string.IsNullOrWhiteSpace(inputs.User) ? ServiceAuth.Bearer(token) : ServiceAuth.Basic(inputs.User, token);
            var url = ServiceRequest.Combine(baseUrl, $"rest/api/3/issue/{Uri.EscapeDataString((string)worklog["issueId"]!)}?fields=project,summary");
            var issue = await api.GetJsonAsync(new ServiceRequest("Jira", url, auth, inputs.Timeout), context.CancellationToken);
            JiraWorklogParser.AddIssue(worklog, issue);
        }

        return ActivityResult.Outcome(JiraOutcomes.Worklog, worklog);
    }
}
