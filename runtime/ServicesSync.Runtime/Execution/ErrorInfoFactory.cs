using Polly.Timeout;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Execution;

/// <summary>
/// Turns an exception into what operators see. ServicesSync errors keep their message; anything
/// else is an unexpected failure reported by type and message only — never a stack trace.
/// </summary>
internal static class ErrorInfoFactory
{
    public static ErrorInfo From(Exception exception, string activityId) => exception switch
    {
        ServicesSyncException e => new ErrorInfo(e.Message, e.Kind, e.Retryable),
        TimeoutRejectedException e => new ErrorInfo(
            $"Activity '{activityId}' did not finish within its timeout of {e.Timeout.TotalSeconds:0.###} s.", ErrorKind.Timeout, true),
        OperationCanceledException => new ErrorInfo($"Activity '{activityId}' was cancelled.", ErrorKind.Cancelled, false),
        HttpRequestException e => new ErrorInfo($"Activity '{activityId}': network error: {e.Message}", ErrorKind.Transient, true),
        _ => new ErrorInfo(
            $"Activity '{activityId}' failed unexpectedly ({exception.GetType().Name}): {exception.Message}", ErrorKind.Internal, false),
    };
}
