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
        problem.Detail ??= DetailFor(status, context.HttpContext.Request) ?? problem.Title;
        problem.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
    }

    // The framework answers these from a bare status code; the caller still deserves to know
    // which part of the request (path, method, Content-Type) was wrong.
    private static string? DetailFor(int status, HttpRequest request) => status switch
    {
        StatusCodes.Status404NotFound => $"There is no route {request.Method} {request.Path}; a path parameter may have the wrong form (a version is a whole number).",
        StatusCodes.Status405MethodNotAllowed => $"The route {request.Path} does not take {request.Method}.",
        StatusCodes.Status415UnsupportedMediaType => $"This route takes a JSON body sent as application/json; the request says '{(string.IsNullOrEmpty(request.ContentType) ? "(no Content-Type)" : request.ContentType)}'.",
        _ => null,
    };
}
