using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;
using ServicesSync.Idempotency;

namespace ServicesSync.Connectors.Jira;

/// <summary>Creates a Jira issue (REST API v3); with an idempotency key a completed create is never sent again.</summary>
[Activity(ConnectorActivityTypes.JiraCreateIssue, Category = "Connectors", DisplayName = "Jira: create issue",
    Description = "POST /rest/api/3/issue; outputs { id, key }.")]
internal sealed class JiraCreateIssueActivity(IConnectionService connections, IConnectionHttp http) : Activity<JiraCreateIssueInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(JiraCreateIssueInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Jira);
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = context.Require(inputs.ProjectKey, "projectKey") },
            ["issuetype"] = new JsonObject { ["name"] = inputs.IssueType },
            ["summary"] = context.Require(inputs.Summary, "summary"),
        };
        if (inputs.Description is { Length: > 0 } description)
        {
            // API v3 takes rich text as an Atlassian Document.
            fields["description"] = new JsonObject
            {
                ["type"] = "doc",
                ["version"] = 1,
                ["content"] = new JsonArray(new JsonObject
                {
                    ["type"] = "paragraph",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = description }),
                }),
            };
        }

        foreach (var (name, value) in inputs.Fields ?? [])
        {
            fields[name] = value?.DeepClone();
        }

        async Task<JsonNode?> CreateAsync(CancellationToken ct)
        {
            var response = await http.SendAsync(connection, new ConnectionRequest(HttpMethod.Post, "rest/api/3/issue") { Body = new JsonObject { ["fields"] = fields } }, ct);
            return new JsonObject { ["id"] = response.Body?["id"]?.DeepClone(), ["key"] = response.Body?["key"]?.DeepClone() };
        }

        var output = inputs.IdempotencyKey is { Length: > 0 } key
            ? await context.Idempotency.ExecuteOnceAsync($"jira:{connection.Id}:issue:{key}", CreateAsync, context.CancellationToken)
            : await CreateAsync(context.CancellationToken);
        return ActivityResult.Done(output);
    }
}

internal sealed class JiraCreateIssueInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a jira connection.")]
    public string? Connection { get; set; }

    [Input(Required = true)]
    public string? ProjectKey { get; set; }

    [Input(Description = "Issue type name.")]
    public string IssueType { get; set; } = "Task";

    [Input(Required = true)]
    public string? Summary { get; set; }

    [Input(Editor = EditorHints.Multiline)]
    public string? Description { get; set; }

    [Input(Description = "More fields, as Jira names them (e.g. assignee: { accountId }).")]
    public JsonObject? Fields { get; set; }

    [Input(Description = "Business key of this issue; a completed create with this key is never repeated.")]
    public string? IdempotencyKey { get; set; }
}

/// <summary>Reads an issue by id or key (worklog events carry only the id).</summary>
[Activity(ConnectorActivityTypes.JiraGetIssue, Category = "Connectors", DisplayName = "Jira: get issue",
    Description = "GET /rest/api/3/issue/{idOrKey}; outputs the issue, or { found: false } with the notFound outcome.",
    Outcomes = [ActivityOutcomes.Done, "notFound"])]
internal sealed class JiraGetIssueActivity(IConnectionService connections, IConnectionHttp http) : Activity<JiraGetIssueInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(JiraGetIssueInputs inputs, ActivityContext context)
    {
        var connection = await context.ConnectionAsync(connections, inputs.Connection, ConnectionTypes.Jira);
        var idOrKey = context.Require(inputs.Issue, "issue");
        var query = inputs.Fields is { Length: > 0 } f ? new Dictionary<string, string> { ["fields"] = f } : null;
        var response = await http.SendAsync(
            connection,
            new ConnectionRequest(HttpMethod.Get, $"rest/api/3/issue/{Uri.EscapeDataString(idOrKey)}") { Query = query, AcceptStatus = [404] },
            context.CancellationToken);
        return response.Status == 404
            ? ActivityResult.Outcome("notFound", new JsonObject { ["found"] = false, ["issue"] = idOrKey })
            : ActivityResult.Done(response.Body);
    }
}

internal sealed class JiraGetIssueInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a jira connection.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "Issue id (e.g. 10023) or key (e.g. PROJ-7).")]
    public string? Issue { get; set; }

    [Input(Description = "Comma-separated fields to return, e.g. summary,project; all when not set.")]
    public string? Fields { get; set; }
}
