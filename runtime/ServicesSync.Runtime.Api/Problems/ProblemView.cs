using ServicesSync.Validation;

namespace ServicesSync.Api.Problems;

/// <summary>One definition problem as it appears in the <c>problems</c> array of a response.</summary>
internal sealed record ProblemView(string Code, string Message, string Path, string? ActivityId, string Severity)
{
    public static ProblemView From(ValidationProblem problem) => new(
        problem.Code,
        problem.Message,
        problem.Path,
        problem.ActivityId,
        problem.Severity == ProblemSeverity.Error ? "error" : "warning");

    public static IReadOnlyList<ProblemView> From(IEnumerable<ValidationProblem> problems)
        => problems.Select(From).ToArray();
}
