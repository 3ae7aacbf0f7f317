namespace ServicesSync.Templates;

/// <summary>
/// Why a template cannot be instantiated with the values given. <see cref="Parameter"/> names the
/// parameter at fault so a form can show the message next to its field; <see cref="Hint"/> is how
/// to fix it on the command line, which a form leaves out.
/// </summary>
public sealed record TemplateProblem(string Code, string? Parameter, string Message, string? Hint = null)
{
    /// <summary>The message with its command-line hint, as <c>servicessync import</c> prints it.</summary>
    public override string ToString() => Hint is null ? Message : $"{Message}: {Hint}";
}

/// <summary>The stable codes of <see cref="TemplateProblem"/>s; clients match on these, never on messages.</summary>
public static class TemplateProblemCodes
{
    public const string Missing = "parameter.required";
    public const string Unknown = "parameter.unknown";
    public const string WrongKind = "parameter.kind";
    public const string Empty = "parameter.empty";
    public const string TargetMissing = "parameter.targetMissing";
    public const string NotAnObject = "template.notAnObject";
    public const string InvalidJson = "template.invalidJson";
}
