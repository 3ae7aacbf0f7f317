using Serilog.Core;
using Serilog.Events;

namespace ServicesSync.Host.Logging;

/// <summary>
/// Adds <c>ExceptionSummary</c>, " (Type: message)", so a terminal line can name a failure
/// without its stack trace; <c>--verbose</c> prints the trace instead.
/// </summary>
internal sealed class ExceptionSummaryEnricher : ILogEventEnricher
{
    public const string PropertyName = "ExceptionSummary";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Exception is { } exception)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(PropertyName, new ScalarValue($" ({exception.GetType().Name}: {exception.Message})")));
        }
    }
}
