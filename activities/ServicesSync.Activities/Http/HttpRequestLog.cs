using Microsoft.Extensions.Logging;

namespace ServicesSync.Activities.Http;

/// <summary>
/// Log events of <c>http.request</c>. They carry the display URL (no query string, no user
/// info) and never a header: request headers carry credentials.
/// </summary>
internal static partial class HttpRequestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "HTTP {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void Answered(ILogger logger, string method, string url, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "HTTP {Method} {Url} not sent: idempotency key {IdempotencyKey} already completed")]
    public static partial void Replayed(ILogger logger, string method, string url, string idempotencyKey);
}
