using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Testing.Activities;

/// <summary>An <see cref="ILogger"/> that keeps every event, rendered and structured, for assertions.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();

    public LogLevel MinimumLevel { get; set; } = LogLevel.Trace;

    /// <summary>Events in the order they were logged.</summary>
    public IReadOnlyList<CapturedLogEntry> Entries => [.. entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= MinimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.ToArray()
            : [];
        entries.Enqueue(new CapturedLogEntry(logLevel, eventId, formatter(state, exception), properties, exception));
    }

    /// <summary>Everything logged so far, rendered, one event per line: handy for "never logs X" checks.</summary>
    public string AllText() => string.Join(Environment.NewLine, entries.Select(e => e.ToString()));
}
