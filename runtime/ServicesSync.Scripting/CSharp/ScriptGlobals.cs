using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// What a compiled C# snippet receives; the generated method exposes its members as the locals
/// <c>Input</c>, <c>Vars</c> and <c>Ctx</c>. Public only because generated code must reach it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ScriptGlobals
{
    private readonly JsonNode? source;
    private JsonNode? input;
    private bool cloned;

    internal ScriptGlobals(JsonNode? input, ScriptVariableDictionary variables, ScriptContext context)
    {
        source = input;
        Vars = variables;
        Ctx = context;
    }

    /// <summary>
    /// The incoming message, copied on first use: the engine may hand the same message to other
    /// branches, so a snippet that edits its input must edit its own copy.
    /// </summary>
    public JsonNode? Input
    {
        get
        {
            if (!cloned)
            {
                input = Json.JsonCopy.Of(source);
                cloned = true;
            }

            return input;
        }
    }

    public ScriptVariableDictionary Vars { get; }

    public ScriptContext Ctx { get; }
}
