using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Mapping;

internal sealed class MapTempoTimesheetInputs
{
    [Input(Description = "The output of tempo.approval; by default the incoming message.")]
    public JsonObject? Source { get; set; }

    [Input(Description = "Issues by Tempo issue id: { \"10042\": { \"key\": \"ACME-42\", \"project\": \"ACME\" } } (project as a key, system:id, or {system, id}).")]
    public JsonObject? Issues { get; set; }

    [Input(Description = "Project for worklogs whose issue is not in 'issues', as system:id, e.g. jira:ACME.")]
    public string? Project { get; set; }

    [Input(Description = "IANA time zone of the worker; when given, entries carry their start instant (Tempo stores local times without offset).")]
    public string? TimeZone { get; set; }

    [Input(Description = "Overrides: an object (usually an expression) whose properties replace those of the output { entries }.")]
    public JsonObject? Script { get; set; }
}
