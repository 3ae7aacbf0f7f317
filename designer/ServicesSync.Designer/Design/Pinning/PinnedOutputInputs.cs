using System.Text.Json.Nodes;
using ServicesSync.Activities;

namespace ServicesSync.Designer.Design.Pinning;

internal sealed class PinnedOutputInputs
{
    [Input(Required = true, Expressions = false, Description = "A one-element array holding the pinned output.")]
    public JsonArray? Value { get; set; }
}
