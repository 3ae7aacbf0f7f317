using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ServicesSync.Api.Problems;

/// <summary>
/// Applied to every problem the app writes, including ones the framework makes from a bare
/// status code: a <c>type</c> under https://servicessync.dev/problems/ and a <c>traceId</c> to
/// find the request in the logs.
/// </summary>
internal static class ProblemDetailsCustomization
{
    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Type is null || !problem.Type.StartsWith(ProblemKind.TypeBase, StringComparison.Ordinal))
        {
            var kind = ProblemKinds.ForStatus(status);
            problem.Type = kind.Type;
            problem.Title = kind.Title;
        }

        problem.Status = status;
        problem.Detail ??= problem.Title;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }
}
