using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Tempo;

internal sealed class ApprovalInputs
{
    [Input(Description = "The timesheet approval ({ user, period, status }); by default the incoming message.")]
    public JsonNode? Approval { get; set; }

    [Input(Description = "The user's worklogs (an array, or a Tempo page with 'results'); when not given they are fetched for the approval's user and period.")]
    public JsonNode? Worklogs { get; set; }

    [Input(Description = "Tempo API URL, https://api.tempo.io by default (https://api.eu.tempo.io for EU data residency).")]
    public string BaseUrl { get; set; } = "https://api.tempo.io";

    [Input(Editor = EditorHints.Secret, Description = "Tempo API token (bearer). Needed only to fetch worklogs. Will move to a connection.")]
    public string? Token { get; set; }

    [Input(Description = "How long each request may take.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
