using System.Globalization;

namespace ServicesSync.Host.Common;

/// <summary>
/// "copied 12,500 of 48,210 records (25 %)" on stderr while long CLI work runs: at most one line
/// per <see cref="Interval"/>, and none at all for work that ends within the first one, so short
/// commands print what they always printed.
/// </summary>
internal sealed class ProgressReporter(TextWriter writer, string verb, string unit, long total, TimeProvider clock)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly long started = clock.GetTimestamp();
    private long lastLine = clock.GetTimestamp();
    private bool reported;

    public long Done { get; private set; }

    /// <summary>Counts <paramref name="count"/> more as done, and says so if a line is due.</summary>
    public async Task AdvanceAsync(long count)
    {
        Done += count;
        var now = clock.GetTimestamp();
        if (clock.GetElapsedTime(lastLine, now) < Interval)
        {
            return;
        }

        lastLine = now;
        reported = true;
        await writer.WriteLineAsync(Line());
    }

    /// <summary>The last line, when any line was written: the reader saw it move and should see it end.</summary>
    public async Task FinishAsync()
    {
        if (reported)
        {
            await writer.WriteLineAsync(Line() + string.Create(CultureInfo.InvariantCulture, $" in {clock.GetElapsedTime(started).TotalSeconds:0.0} s"));
        }
    }

    private string Line()
    {
        var percent = total > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * Done / total:0} %)") : "";
        return string.Create(CultureInfo.InvariantCulture, $"  {verb} {Done:N0} of {total:N0} {unit}{percent}");
    }
}
