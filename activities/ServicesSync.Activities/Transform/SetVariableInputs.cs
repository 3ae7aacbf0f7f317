using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Transform;

internal sealed class SetVariableInputs
{
    // A fixed name lets the validator and the designer know which variables a workflow writes.
    [Input(Required = true, Expressions = false, Description = "Name of the workflow variable to set.")]
    public string? Name { get; set; }

    [Input(Description = "The value to store; any JSON value, usually an expression.")]
    public JsonNode? Value { get; set; }
}
