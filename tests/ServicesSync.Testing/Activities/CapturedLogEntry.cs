using Microsoft.Extensions.Logging;

namespace ServicesSync.Testing.Activities;

/// <summary>One event seen by a <see cref="CapturingLogger"/>.</summary>
public sealed record CapturedLogEntry(
    LogLevel Level,
    EventId EventId,
    string Message,
    IReadOnlyList<KeyValuePair<string, object?>> Properties,
    Exception? Exception)
{
    /// <summary>The message template, when the state carried one (LoggerMessage and Log* extensions do).</summary>
    public string? Template => Property("{OriginalFormat}") as string;

    public object? Property(string name)
    {
        foreach (var (key, value) in Properties)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }

    public override string ToString()
        => $"{Level}: {Message} [{string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"))}]{(Exception is null ? "" : $" {Exception}")}";
}
