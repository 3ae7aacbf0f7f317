namespace ServicesSync.Validation;

/// <summary>
/// One thing wrong with a definition. <see cref="Path"/> is a JSON Pointer into the definition
/// (<c>/activities/2/inputs/url</c>); <see cref="ActivityId"/> names the activity when there is one.
/// </summary>
public sealed record ValidationProblem(
    string Code,
    string Message,
    string Path,
    string? ActivityId = null,
    ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString()
        => ActivityId is null ? $"{Path}: {Message} [{Code}]" : $"{Path} (activity '{ActivityId}'): {Message} [{Code}]";
}

public enum ProblemSeverity
{
    Error,
    Warning,
}
