using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// An approved Tempo period (from <c>tempo.approval</c>) → canonical time entries, one per
/// worklog. Tempo stores the worker's local start date and time without an offset, so the work
/// date is Tempo's date as is; the start instant is set only when the worker's time zone is
/// known. Tempo names the issue by id; the project (and the issue key) come from the
/// <c>issues</c> input or the default project.
/// </summary>
internal static class TempoTimesheetMapper
{
    public static IReadOnlyList<TimeEntry> Map(JsonObject approval, JsonObject? issues, ExternalRef? defaultProject, string? timeZone)
    {
        var accountId = JsonValues.String(approval["accountId"]) ?? throw Invalid("accountId is missing: pass the output of tempo.approval.");
        var status = (bool?)approval["approved"] == true
            ? ApprovalStatus.Approved
            : JsonValues.String(approval["status"]) is "inReview" or "waitingForApproval" ? ApprovalStatus.Submitted : ApprovalStatus.Draft;
        var entries = new List<TimeEntry>();
        foreach (var worklog in approval["worklogs"] as JsonArray ?? [])
        {
            var id = Text(worklog?["tempoWorklogId"]) ?? throw Invalid("a worklog has no tempoWorklogId.");
            var issueId = Text(worklog?["issueId"]);
            var issue = issueId is null ? null : issues?[issueId];
            var project = Reference(issue?["project"]) ?? defaultProject
                ?? throw Invalid($"worklog {id} is on issue {issueId ?? "(none)"}, whose project is unknown: map it in 'issues' or set 'project'.");
            var date = DateOnly.ParseExact(JsonValues.String(worklog?["startDate"]) ?? throw Invalid($"worklog {id} has no startDate."), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var time = JsonValues.String(worklog?["startTime"]) is { } text && TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (TimeOnly?)null;
            entries.Add(new TimeEntry
            {
                Source = new ExternalRef("tempo", id),
                Worker = new ExternalRef("jira", accountId),
                Project = project,
                Task = JsonValues.String(issue?["key"]) is { } key ? new ExternalRef("jira", key) : issueId is null ? null : new ExternalRef("jira", issueId),
                WorkDate = date,
                StartedAt = timeZone is not null && time is { } start ? LocalWorkDate.At(date, start, timeZone) : null,
                DurationSeconds = JsonValues.Long(worklog?["timeSpentSeconds"]) ?? throw Invalid($"worklog {id} has no timeSpentSeconds."),
                BillableSeconds = JsonValues.Long(worklog?["billableSeconds"]),
                ApprovalStatus = status,
                Description = JsonValues.String(worklog?["description"]),
            });
        }

        return entries;
    }

    private static ExternalRef? Reference(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => ExternalRef.TryParse(text, out var parsed) ? parsed : new ExternalRef("jira", text),
        JsonObject obj => CanonicalJson.FromNode<ExternalRef>(obj, "an issue's project"),
        _ => null,
    };

    private static string? Text(JsonNode? node) => JsonValues.Text(node);

    private static ServicesSyncException Invalid(string problem) => new($"Tempo timesheet: {problem}", ErrorKind.Validation);
}
