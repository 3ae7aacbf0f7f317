using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Transform;

internal sealed class SetInputs
{
    [Input(
        Required = true,
        Description = "JSON template of the output, for example { \"workerId\": \"{{input.author.id}}\", \"note\": \"Hours for {{input.project}}\" }.")]
    public JsonNode? Template { get; set; }
}
