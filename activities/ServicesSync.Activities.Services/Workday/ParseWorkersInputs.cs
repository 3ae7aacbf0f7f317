using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Workday;

internal sealed class ParseWorkersInputs
{
    [Input(Description = "A Get_Workers SOAP response (XML text) or a REST /workers answer (JSON); by default the incoming message.")]
    public JsonNode? Response { get; set; }
}
