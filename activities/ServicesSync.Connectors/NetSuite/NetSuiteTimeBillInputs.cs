using System.Text.Json.Nodes;
using ServicesSync.Activities;

namespace ServicesSync.Connectors.NetSuite;

internal sealed class NetSuiteTimeBillInputs
{
    [Input(Required = true, Editor = EditorHints.Connection, Description = "Id of a netsuite connection.")]
    public string? Connection { get; set; }

    [Input(Description = "The canonical time entry; the incoming message when not set.")]
    public JsonNode? Entity { get; set; }

    [Input(Description = "Extra NetSuite fields merged into the record (e.g. rate, hours: the validator's rounded hours, item: { id: \"42\" }).")]
    public JsonObject? Fields { get; set; }

    [Input(Description = "When true, a worker or project without a cross-reference to a canonical record goes to 'unmapped' instead of being sent under its raw reference.")]
    public bool RequireLinks { get; set; }
}
