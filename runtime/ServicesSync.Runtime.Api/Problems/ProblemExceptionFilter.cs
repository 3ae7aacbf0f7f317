using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Api.Problems;

/// <summary>
/// Turns exceptions thrown by the API's handlers into problem responses, so the routes behave
/// the same on any host whatever middleware it has.
/// </summary>
internal sealed partial class ProblemExceptionFilter(ILogger<ProblemExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to read a problem.
            throw;
        }
        catch (Exception exception)
        {
            var problem = ExceptionProblems.ToProblem(exception, out var unexpected);
            if (unexpected)
            {
                LogUnexpected(logger, exception, context.HttpContext.Request.Method, context.HttpContext.Request.Path);
            }
            else
            {
                LogRejected(logger, context.HttpContext.Request.Method, context.HttpContext.Request.Path, problem.Status, exception.Message);
            }

            ExceptionProblems.AddRetryAfter(context.HttpContext.Response, problem);
            return TypedResults.Problem(problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string method, PathString path, int? status, string reason);
}
