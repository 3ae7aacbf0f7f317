using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using ServicesSync.Errors;

namespace ServicesSync.Api.Problems;

/// <summary>
/// The one place where exceptions become HTTP problems. Known failures keep their message (they
/// were written for users); anything else is a 500 with a generic detail, and the caller logs it.
/// </summary>
internal static class ExceptionProblems
{
    public static ProblemDetails ToProblem(Exception exception, out bool unexpected)
    {
        unexpected = false;
        switch (exception)
        {
            case NotFoundException notFound:
                return ApiProblems.Details(ProblemKinds.NotFound, notFound.Message);
            case ConflictException conflict:
                return ApiProblems.Details(ProblemKinds.Conflict, conflict.Message);
            case ServicesSyncException { Kind: ErrorKind.Validation } invalid:
                return ApiProblems.Details(ProblemKinds.ValidationFailed, invalid.Message);
            case ServicesSyncException { Kind: ErrorKind.Transient or ErrorKind.Timeout }:
                // The store (a database restarting) or another node is busy: nothing was accepted,
                // and a caller that tries again after Retry-After gets through. The message may
                // name the database, which an anonymous webhook caller has no business knowing.
                return ApiProblems.Details(ProblemKinds.Unavailable, "The service cannot take the request right now; nothing was accepted. Try again after the Retry-After delay.");
            case JsonException json:
                return MalformedJson(json);
            case BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge:
                return ApiProblems.Details(ProblemKinds.PayloadTooLarge, tooLarge.Message);
            case BadHttpRequestException badRequest:
                var kind = ProblemKinds.ForStatus(badRequest.StatusCode);
                return ApiProblems.Details(kind, badRequest.Message);
            default:
                unexpected = true;
                return ApiProblems.Details(
                    ProblemKinds.InternalError,
                    "The server failed to handle the request; the server log has the details under this trace id.");
        }
    }

    /// <summary>Seconds a 503 asks the caller to wait before trying again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Sets <c>Retry-After</c> on an unavailable answer.</summary>
    public static void AddRetryAfter(HttpResponse response, ProblemDetails problem)
    {
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Names the line and position (1-based) of a syntax error, as an editor shows them.
    /// </summary>
    public static ProblemDetails MalformedJson(JsonException exception)
    {
        var line = exception.LineNumber + 1;
        var position = exception.BytePositionInLine + 1;
        var reason = FirstSentence(exception.Message);
        var detail = line is null
            ? $"The request body is not valid JSON: {reason}"
            : $"The request body is not valid JSON at line {line}, position {position}: {reason}";
        return ApiProblems.Details(ProblemKinds.MalformedJson, detail, [new("line", line), new("position", position)]);
    }

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $ | LineNumber: 0 | BytePositionInLine: 3." (0-based);
        // the detail already names the position, 1-based.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut < 0 ? message : message[..cut]).TrimEnd();
    }
}
