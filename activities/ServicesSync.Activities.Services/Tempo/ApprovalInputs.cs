using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Tempo;

internal sealed class ApprovalInputs
{
    [Input(Description = "The timesheet approval ({ user, period, status }); by default the incoming message. Without a status it is fetched for its user and period.")]
    public JsonNode? Approval { get; set; }

    [Input(Description = "The user's worklogs (an array, or a Tempo page with 'results'); when not given they are fetched for the approval's user and period.")]
    public JsonNode? Worklogs { get; set; }

    [Input(Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a tempo connection (https://api.tempo.io/, or https://api.eu.tempo.io/ for EU data residency; auth bearer with a Tempo API token). "
            + "Needed whenever something is fetched.")]
    public string? Connection { get; set; }
}
