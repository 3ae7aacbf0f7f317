using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Jira;

internal sealed class WorklogEventInputs
{
    [Input(Description = "The worklog webhook payload; by default the incoming message.")]
    public JsonNode? Payload { get; set; }

    [Input(Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a jira connection (site URL; auth bearer, or basic with the account e-mail and an API token). Needed to fetch the issue: the payload has only its id.")]
    public string? Connection { get; set; }

    [Input(Description = "Fetch the issue for its key and project. Turn off only when a later step resolves them.")]
    public bool FetchIssue { get; set; } = true;
}
