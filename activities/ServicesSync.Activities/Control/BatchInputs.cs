using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Control;

internal sealed class BatchInputs
{
    [Input(Description = "Items to split; when not set, the incoming message must be an array.")]
    public JsonArray? Items { get; set; }

    [Input(Required = true, Description = "Most items per chunk, from 1 to 10000.")]
    public int? Size { get; set; }
}
