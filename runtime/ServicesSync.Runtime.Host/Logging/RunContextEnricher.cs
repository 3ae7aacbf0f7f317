using Serilog.Core;
using Serilog.Events;

namespace ServicesSync.Host.Logging;

/// <summary>
/// Adds <c>RunContext</c>, a short " [workflow w, instance i, activity a]" suffix for console
/// lines, from the WorkflowId/InstanceId/ActivityId properties the engine puts in its log scopes.
/// The JSON log file carries those properties themselves.
/// </summary>
internal sealed class RunContextEnricher : ILogEventEnricher
{
    public const string PropertyName = "RunContext";

    private static readonly (string Property, string Label)[] Parts =
        [("WorkflowId", "workflow"), ("InstanceId", "instance"), ("ActivityId", "activity")];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        List<string>? found = null;
        foreach (var (property, label) in Parts)
        {
            if (logEvent.Properties.TryGetValue(property, out var value) && value is ScalarValue { Value: { } raw })
            {
                (found ??= []).Add($"{label} {raw}");
            }
        }

        if (found is not null)
        {
            logEvent.AddPropertyIfAbsent(new LogEventProperty(PropertyName, new ScalarValue($" [{string.Join(", ", found)}]")));
        }
    }
}
