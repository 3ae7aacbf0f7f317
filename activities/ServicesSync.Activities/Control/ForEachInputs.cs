using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Control;

internal sealed class ForEachInputs
{
    [Input(Description = "Items to iterate over; when not set, the incoming message must be an array.")]
    public JsonArray? Items { get; set; }

    [Input(Description = "How many items run at the same time, from 1 to 64.")]
    public int Parallelism { get; set; } = 1;
}
