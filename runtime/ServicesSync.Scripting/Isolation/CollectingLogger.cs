using Microsoft.Extensions.Logging;

namespace ServicesSync.Scripting.Isolation;

/// <summary>Keeps what a snippet logged inside a worker so that the host logs it with its own logger.</summary>
internal sealed class CollectingLogger : ILogger
{
    public List<WorkerLog> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull
        => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (state is IReadOnlyList<KeyValuePair<string, object?>> properties
            && properties.FirstOrDefault(p => p.Key == "ScriptMessage").Value is string message)
        {
            Entries.Add(new WorkerLog(logLevel, message));
        }
    }
}
