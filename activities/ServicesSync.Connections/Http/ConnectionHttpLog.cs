using Microsoft.Extensions.Logging;

namespace ServicesSync.Connections.Http;

/// <summary>Log events of the pipeline: connection id, method and display URL, never a header or a body.</summary>
internal static partial class ConnectionHttpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Connection {ConnectionId}: {Method} {Url} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void Answered(ILogger logger, string connectionId, string method, string url, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Request} failed ({Reason}); retry {RetryNumber} in {DelayMilliseconds} ms")]
    public static partial void Retrying(ILogger logger, string connectionId, string request, string reason, int retryNumber, long delayMilliseconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Connection {ConnectionId}: circuit opened for {BreakSeconds} s after repeated failures")]
    public static partial void CircuitOpened(ILogger logger, string connectionId, double breakSeconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Connection {ConnectionId}: circuit closed again")]
    public static partial void CircuitClosed(ILogger logger, string connectionId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Connection {ConnectionId}: {Method} {Url} was refused with {StatusCode}; renewing the credentials and sending once more")]
    public static partial void Reauthenticating(ILogger logger, string connectionId, string method, string url, int statusCode);
}
