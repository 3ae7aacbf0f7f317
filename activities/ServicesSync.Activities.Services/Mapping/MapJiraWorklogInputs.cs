using System.Text.Json.Nodes;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Mapping;

internal sealed class MapJiraWorklogInputs
{
    [Input(Description = "A worklog from jira.worklogEvent (with issueKey and projectKey); by default the incoming message.")]
    public JsonObject? Source { get; set; }

    [Input(Description = "IANA time zone of the worker, e.g. America/Chicago (from the canonical worker); wins over the author's Jira time zone.")]
    public string? TimeZone { get; set; }

    [Input(Description = "Use the author's Jira profile time zone for the work date when no time zone is given; otherwise the offset in 'started' is used.")]
    public bool UseAuthorTimeZone { get; set; } = true;

    [Input(Description = "Approval status of the entry: Jira does not approve time (Tempo does).")]
    public ApprovalStatus ApprovalStatus { get; set; } = ApprovalStatus.Draft;

    [Input(Description = "Overrides: an object (usually a JavaScript or C# expression) whose properties replace those of the declarative mapping.")]
    public JsonObject? Script { get; set; }
}
