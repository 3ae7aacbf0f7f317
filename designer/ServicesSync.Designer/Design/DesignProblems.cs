using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ServicesSync.Api.Problems;
using ServicesSync.Validation;
using ValidationProblem = ServicesSync.Validation.ValidationProblem;

namespace ServicesSync.Designer.Design;

/// <summary>RFC 7807 answers of the design-time endpoints, in the same shape as the rest of the API.</summary>
internal static class DesignProblems
{
    public static ProblemHttpResult Create(ProblemKind kind, string detail, IReadOnlyList<ValidationProblem>? problems = null)
    {
        var details = new ProblemDetails { Type = kind.Type, Title = kind.Title, Status = kind.Status, Detail = detail };
        if (problems is not null)
        {
            details.Extensions["problems"] = ProblemJson.From(problems);
        }

        return TypedResults.Problem(details);
    }

    public static ProblemHttpResult InvalidRequest(string detail) => Create(ProblemKinds.InvalidRequest, detail);

    public static ProblemHttpResult NotFound(string detail) => Create(ProblemKinds.NotFound, detail);

    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

/// <summary>One definition problem as JSON: <c>{code, message, path, activityId, severity}</c>.</summary>
internal sealed record ProblemJson(string Code, string Message, string Path, string? ActivityId, string Severity)
{
    public static IReadOnlyList<ProblemJson> From(IEnumerable<ValidationProblem> problems)
        => problems.Select(p => new ProblemJson(
            p.Code, p.Message, p.Path, p.ActivityId, p.Severity == ProblemSeverity.Error ? "error" : "warning")).ToArray();
}
