using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Control;

internal sealed class CallWorkflowInputs
{
    [Input(Required = true, Editor = EditorHints.Workflow, Description = "Id of the published workflow to run.")]
    public string? WorkflowId { get; set; }

    [Input(Description = "Published version to run; the latest when not set.")]
    public int? Version { get; set; }

    [Input(Description = "Message the child run starts with; the incoming message when not set.")]
    public JsonNode? Input { get; set; }
}
