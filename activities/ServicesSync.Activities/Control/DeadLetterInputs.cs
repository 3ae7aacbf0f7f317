using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Control;

internal sealed class DeadLetterInputs
{
    [Input(Required = true, Description = "Why the message is parked, shown to the operator who reviews it.")]
    public string? Reason { get; set; }

    [Input(Description = "Message to park; the incoming message when not set.")]
    public JsonNode? Message { get; set; }
}
