using System.Text;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Jira;

/// <summary>
/// Reads a Jira worklog webhook (<c>worklog_created</c>, <c>worklog_updated</c>,
/// <c>worklog_deleted</c>). The payload names the issue by <c>issueId</c> only, never by key or
/// project: those must be fetched. <c>started</c> is kept exactly as sent (with its offset).
/// </summary>
internal static class JiraWorklogParser
{
    public static (string Event, JsonObject Worklog) Parse(JsonNode? payload)
    {
        if (payload is not JsonObject body || body["worklog"] is not JsonObject worklog)
        {
            throw Invalid($"the payload must be an object with a 'worklog'; it is {ActivityErrors.Describe(payload)}.");
        }

        var kind = JsonValues.String(body["webhookEvent"]) switch
        {
            "worklog_created" => "created",
            "worklog_updated" => "updated",
            "worklog_deleted" => "deleted",
            var other => throw Invalid($"webhookEvent '{other}' is not worklog_created, worklog_updated or worklog_deleted."),
        };

        var normalized = new JsonObject
        {
            ["event"] = kind,
            ["worklogId"] = Text(worklog["id"]) ?? throw Invalid("worklog.id is missing."),
            ["issueId"] = Text(worklog["issueId"]) ?? throw Invalid("worklog.issueId is missing."),
        };
        if (worklog["author"] is JsonObject author)
        {
            var person = new JsonObject { ["accountId"] = Text(author["accountId"]) };
            Copy(author, person, "displayName");
            Copy(author, person, "timeZone");
            normalized["author"] = person;
        }

        Copy(worklog, normalized, "started");
        if (JsonValues.Long(worklog["timeSpentSeconds"]) is { } spent)
        {
            normalized["timeSpentSeconds"] = spent;
        }

        if (Comment(worklog["comment"]) is { } comment)
        {
            normalized["comment"] = comment;
        }

        Copy(worklog, normalized, "created");
        Copy(worklog, normalized, "updated");
        return (kind, normalized);
    }

    /// <summary>Adds the issue key, summary and project from <c>GET /rest/api/3/issue/{id}</c>.</summary>
    public static void AddIssue(JsonObject worklog, JsonNode? issue)
    {
        if (issue is not JsonObject found || Text(found["key"]) is not { } key)
        {
            throw Invalid($"the issue {worklog["issueId"]} could not be read (no key in Jira's answer).");
        }

        worklog["issueKey"] = key;
        if (found["fields"] is JsonObject fields)
        {
            if (Text(fields["summary"]) is { } summary)
            {
                worklog["issueSummary"] = summary;
            }

            if (fields["project"] is JsonObject project)
            {
                worklog["projectKey"] = Text(project["key"]);
                worklog["projectId"] = Text(project["id"]);
            }
        }
    }

    // Webhooks send the comment as text (API v2); the v3 REST API sends Atlassian Document Format.
    private static string? Comment(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject document => Flatten(document),
        _ => null,
    };

    private static string Flatten(JsonObject document)
    {
        var text = new StringBuilder();
        void Walk(JsonNode? node)
        {
            if (node is not JsonObject element)
            {
                return;
            }

            if (JsonValues.String(element["type"]) == "text")
            {
                text.Append(JsonValues.String(element["text"]));
            }

            foreach (var child in element["content"] as JsonArray ?? [])
            {
                Walk(child);
            }

            if (JsonValues.String(element["type"]) == "paragraph" && text.Length > 0)
            {
                text.Append('\n');
            }
        }

        Walk(document);
        return text.ToString().TrimEnd('\n');
    }

    private static string? Text(JsonNode? node) => JsonValues.Text(node);

    private static void Copy(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is JsonValue value)
        {
            to[name] = value.DeepClone();
        }
    }

    private static ServicesSyncException Invalid(string problem) => new($"Jira worklog webhook: {problem}", ErrorKind.Validation);
}
