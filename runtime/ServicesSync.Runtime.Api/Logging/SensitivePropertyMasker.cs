using Serilog.Core;
using Serilog.Events;

namespace ServicesSync.Api.Logging;

/// <summary>
/// Replaces the value of every property named like a secret (password, secret, token, apiKey,
/// authorization, clientSecret…) with <c>***</c>, also inside destructured objects and
/// dictionaries, before any sink sees the event. A secret must never reach a log file. Every
/// host (<c>servicessync serve</c>, <c>run</c>, the designer) adds it last to its Serilog pipeline.
/// </summary>
public sealed class SensitivePropertyMasker : ILogEventEnricher
{
    public const string Mask = "***";

    private static readonly string[] Markers = ["password", "passwd", "secret", "token", "apikey", "authorization", "credential"];

    private static readonly ScalarValue Masked = new(Mask);

    public static bool IsSensitive(string name)
    {
        var normalized = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        foreach (var marker in Markers)
        {
            if (normalized.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            var masked = IsSensitive(name) ? Masked : MaskNested(value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    /// <summary>The value with sensitive members masked; the same instance when nothing changed.</summary>
    private static LogEventPropertyValue MaskNested(LogEventPropertyValue value)
    {
        switch (value)
        {
            case StructureValue structure:
            {
                var changed = false;
                var properties = new List<LogEventProperty>(structure.Properties.Count);
                foreach (var property in structure.Properties)
                {
                    var masked = IsSensitive(property.Name) ? Masked : MaskNested(property.Value);
                    changed |= !ReferenceEquals(masked, property.Value);
                    properties.Add(ReferenceEquals(masked, property.Value) ? property : new LogEventProperty(property.Name, masked));
                }

                return changed ? new StructureValue(properties, structure.TypeTag) : value;
            }

            case DictionaryValue dictionary:
            {
                var changed = false;
                var elements = new List<KeyValuePair<ScalarValue, LogEventPropertyValue>>(dictionary.Elements.Count);
                foreach (var (key, element) in dictionary.Elements)
                {
                    var masked = key.Value is string name && IsSensitive(name) ? Masked : MaskNested(element);
                    changed |= !ReferenceEquals(masked, element);
                    elements.Add(new(key, masked));
                }

                return changed ? new DictionaryValue(elements) : value;
            }

            case SequenceValue sequence:
            {
                var elements = sequence.Elements.Select(MaskNested).ToArray();
                return elements.Where((element, i) => !ReferenceEquals(element, sequence.Elements[i])).Any()
                    ? new SequenceValue(elements)
                    : value;
            }

            default:
                return value;
        }
    }
}
