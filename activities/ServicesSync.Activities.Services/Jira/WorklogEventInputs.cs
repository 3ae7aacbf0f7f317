using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Jira;

internal sealed class WorklogEventInputs
{
    [Input(Description = "The worklog webhook payload; by default the incoming message.")]
    public JsonNode? Payload { get; set; }

    [Input(Description = "Jira site URL, e.g. https://acme.atlassian.net; needed to fetch the issue (the payload has only its id).")]
    public string? BaseUrl { get; set; }

    [Input(Description = "Account e-mail for Basic authentication with an API token; when empty, the token is sent as a bearer token.")]
    public string? User { get; set; }

    [Input(Editor = EditorHints.Secret, Description = "Jira API token. Will move to a connection.")]
    public string? ApiToken { get; set; }

    [Input(Description = "Fetch the issue for its key and project. Turn off only when a later step resolves them.")]
    public bool FetchIssue { get; set; } = true;

    [Input(Description = "How long the issue request may take.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
