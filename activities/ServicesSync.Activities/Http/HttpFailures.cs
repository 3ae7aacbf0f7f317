using System.Net;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Http;

/// <summary>
/// Turns HTTP failures into errors whose retryability the engine's retry policy can trust.
/// Messages name the method and the URL without its query string, never header values.
/// </summary>
internal static class HttpFailures
{
    public static ServicesSyncException ForStatus(HttpRequestPlan plan, HttpResponseMessage response, string excerpt)
    {
        var status = (int)response.StatusCode;
        var retryAfter = response.Headers.RetryAfter is { } value ? $" (Retry-After: {value})" : "";
        var detail = excerpt.Length == 0 ? "" : $": {excerpt}";
        var message = $"{plan.Describe()} answered {status} {response.ReasonPhrase}{retryAfter}{detail}";
        return IsTransient(response.StatusCode)
            ? new ServicesSyncException(message, ErrorKind.Transient, retryable: true)
            : new ServicesSyncException(message, ErrorKind.Permanent, retryable: false);
    }

    public static ServicesSyncException Timeout(HttpRequestPlan plan, Exception inner)
        => new($"{plan.Describe()} did not complete within {plan.Timeout.TotalSeconds:0.###} s.", ErrorKind.Timeout, retryable: true, inner);

    public static ServicesSyncException Network(HttpRequestPlan plan, Exception inner)
    {
        // A certificate that does not validate will not start validating on the next attempt.
        if (inner is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError })
        {
            return new($"{plan.Describe()} failed to establish a secure connection: {inner.Message}", ErrorKind.Permanent, retryable: false, inner);
        }

        return new($"{plan.Describe()} failed without a response: {inner.Message}", ErrorKind.Transient, retryable: true, inner);
    }

    public static ServicesSyncException TooLarge(HttpRequestPlan plan, long limit)
        => new($"{plan.Describe()} answered with a body larger than {limit / (1024 * 1024)} MB.", ErrorKind.Permanent, retryable: false);

    private static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
