using System.Text;
using Microsoft.CodeAnalysis.Text;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// The generated compilation unit around a snippet. The user's code starts on a line of its own
/// after <c>#line 1 "snippet"</c>, so compiler positions (and runtime stack frames, through the
/// embedded PDB) already speak in the user's lines and columns.
/// </summary>
internal static class SnippetSource
{
    public const string TypeName = "ServicesSync.Scripting.Generated.Snippet";
    public const string MethodName = "Run";
    public const string FileName = "snippet";

    private const string Prologue = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using System.Text.Json.Nodes;
        using System.Text.RegularExpressions;

        namespace ServicesSync.Scripting.Generated
        {
            public static class Snippet
            {
                public static object Run(global::ServicesSync.Scripting.CSharp.ScriptGlobals __globals)
                {
                    var Input = __globals.Input;
                    var Vars = __globals.Vars;
                    var Ctx = __globals.Ctx;

        """;

    public static (string Text, TextSpan UserSpan) Build(SnippetKind kind, string code)
    {
        var text = new StringBuilder(Prologue.Length + code.Length + 200);
        text.Append(Prologue);
        if (kind == SnippetKind.Expression)
        {
            text.Append("object __result =\n");
        }

        text.Append("#line 1 \"").Append(FileName).Append("\"\n");
        var start = text.Length;
        text.Append(code);
        var span = new TextSpan(start, code.Length);
        text.Append("\n#line default\n");
        text.Append(kind == SnippetKind.Expression ? ";\nreturn __result;\n" : "return null;\n");
        text.Append("}\n}\n}\n");
        return (text.ToString(), span);
    }
}
