using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace ServicesSync.Host.Logging;

/// <summary>
/// Writes events to a given writer: <c>run</c> logs to the stderr it was handed, which is the
/// real stderr in the process and a captured writer in tests.
/// </summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock gate = new();

    public void Emit(LogEvent logEvent)
    {
        // Activities log from many threads; lines must not interleave.
        lock (gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
