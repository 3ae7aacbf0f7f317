using ServicesSync.Errors;

namespace ServicesSync.Activities.Http;

/// <summary>
/// The failures <c>http.request</c> decides itself; every other one comes from the connection
/// pipeline, already classified and redacted. Messages name the method and the URL without its
/// query string, never header values.
/// </summary>
internal static class HttpFailures
{
    public static ServicesSyncException Timeout(HttpRequestPlan plan, Exception inner)
        => new($"{plan.Describe()} did not complete within {plan.Timeout.TotalSeconds:0.###} s.", ErrorKind.Timeout, retryable: true, inner);

    public static ServicesSyncException Unexpected(HttpRequestPlan plan, int status)
        => new(
            $"{plan.Describe()} answered {status}, which expectedStatus ({string.Join(", ", plan.ExpectedStatus ?? [])}) does not list.",
            ErrorKind.Permanent,
            retryable: false);
}
