using ServicesSync.Activities;

namespace ServicesSync.Scripting.Activities;

internal sealed class ScriptInputs
{
    // Neither input may be an expression: the snippet is checked and compiled when the workflow
    // is published, which needs both known by then.
    [Input(
        Required = true,
        Type = InputTypes.Enum,
        Editor = EditorHints.Select,
        Options = [ScriptLanguages.JavaScript, ScriptLanguages.CSharp],
        Expressions = false,
        Description = "Language of the code.")]
    public string? Language { get; set; }

    [Input(
        Required = true,
        Editor = EditorHints.Code,
        Expressions = false,
        Description = "A function body that sees input (the message), vars (workflow variables) and ctx (ids, now, log); "
            + "its return value becomes the output. C# uses Input, Vars and Ctx.")]
    public string? Code { get; set; }
}
