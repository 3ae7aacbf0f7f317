using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// A worklog from <c>jira.worklogEvent</c> → canonical time entry. The work date is local to the
/// author: their Jira time zone when known (Jira renders <c>started</c> in the site's zone, not
/// the author's), else the offset as written. Jira itself neither approves time nor marks it
/// billable, so approval comes from the input and billable seconds stay unknown.
/// </summary>
internal static class JiraWorklogMapper
{
    public static TimeEntry Map(JsonObject worklog, string? timeZone, bool useAuthorTimeZone, ApprovalStatus approval)
    {
        var id = Required(worklog, "worklogId");
        var started = Required(worklog, "started");
        if (!DateTimeOffset.TryParse(started, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            throw Invalid($"started '{started}' is not a timestamp such as 2026-03-01T23:30:00.000-0600.");
        }

        var zone = timeZone ?? (useAuthorTimeZone ? JsonValues.String(worklog["author"]?["timeZone"]) : null);
        var (workDate, startedAt) = LocalWorkDate.From(instant, zone);
        var issueKey = JsonValues.String(worklog["issueKey"]);
        var projectKey = JsonValues.String(worklog["projectKey"])
            ?? throw Invalid($"worklog {id} has no projectKey: fetch its issue first (jira.worklogEvent does, unless fetchIssue is off).");
        return new TimeEntry
        {
            Source = new ExternalRef("jira", id),
            Worker = new ExternalRef("jira", JsonValues.String(worklog["author"]?["accountId"]) ?? throw Invalid($"worklog {id} has no author.accountId.")),
            Project = new ExternalRef("jira", projectKey),
            Task = issueKey is null ? null : new ExternalRef("jira", issueKey),
            WorkDate = workDate,
            StartedAt = startedAt,
            DurationSeconds = JsonValues.Long(worklog["timeSpentSeconds"]) ?? throw Invalid($"worklog {id} has no timeSpentSeconds."),
            ApprovalStatus = approval,
            Description = JsonValues.String(worklog["comment"]),
        };
    }

    private static string Required(JsonObject worklog, string name)
        => JsonValues.String(worklog[name]) is { Length: > 0 } value ? value : throw Invalid($"the worklog has no {name}.");

    private static ServicesSyncException Invalid(string problem) => new($"Jira worklog: {problem}", ErrorKind.Validation);
}
