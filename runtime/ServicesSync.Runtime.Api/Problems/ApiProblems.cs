using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ValidationProblem = ServicesSync.Validation.ValidationProblem;

namespace ServicesSync.Api.Problems;

/// <summary>
/// Builds RFC 7807 responses. The trace id is added when the response is written (see
/// <see cref="ProblemDetailsCustomization"/>), so every problem carries one however it was made.
/// </summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Create(ProblemKind kind, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
        => TypedResults.Problem(Details(kind, detail, extensions));

    public static ProblemDetails Details(ProblemKind kind, string detail, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = kind.Type,
            Title = kind.Title,
            Status = kind.Status,
            Detail = detail,
        };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }

    public static ProblemHttpResult NotFound(string detail) => Create(ProblemKinds.NotFound, detail);

    public static ProblemHttpResult InvalidRequest(string detail) => Create(ProblemKinds.InvalidRequest, detail);

    public static ProblemHttpResult Conflict(string detail) => Create(ProblemKinds.Conflict, detail);

    /// <summary>A problem listing definition problems; <paramref name="kind"/> says whether they were fatal to reading or to publishing.</summary>
    public static ProblemHttpResult WithProblems(ProblemKind kind, string detail, IEnumerable<ValidationProblem> problems)
        => Create(kind, detail, [new("problems", ProblemView.From(problems))]);
}
