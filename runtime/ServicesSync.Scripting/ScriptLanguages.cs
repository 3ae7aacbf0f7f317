namespace ServicesSync.Scripting;

/// <summary>Language names as written in definitions; <c>core.script</c> and expressions use the same.</summary>
public static class ScriptLanguages
{
    public const string JavaScript = "javascript";
    public const string CSharp = "csharp";

    public static IReadOnlyList<string> All { get; } = [JavaScript, CSharp];
}
