using Microsoft.Extensions.Time.Testing;
using ServicesSync.Host.Common;

namespace ServicesSync.Host.Tests.Cli;

public sealed class ProgressReporterTests
{
    private readonly FakeTimeProvider clock = new();

    [Fact]
    public async Task WorkThatEndsWithinASecond_PrintsNothing()
    {
        using var writer = new StringWriter();
        var progress = new ProgressReporter(writer, "copied", "records", 1000, clock);

        await progress.AdvanceAsync(500);
        clock.Advance(TimeSpan.FromMilliseconds(900));
        await progress.AdvanceAsync(500);
        await progress.FinishAsync();

        Assert.Equal("", writer.ToString());
    }

    [Fact]
    public async Task LongWork_SaysHowFarItIs_AtMostOnceASecond_AndHowItEnded()
    {
        using var writer = new StringWriter();
        var progress = new ProgressReporter(writer, "copied", "records", 48_210, clock);

        clock.Advance(TimeSpan.FromSeconds(1));
        await progress.AdvanceAsync(12_500);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        await progress.AdvanceAsync(500);
        clock.Advance(TimeSpan.FromSeconds(1));
        await progress.AdvanceAsync(35_210);
        await progress.FinishAsync();

        Assert.Equal(
            ["  copied 12,500 of 48,210 records (26 %)", "  copied 48,210 of 48,210 records (100 %)", "  copied 48,210 of 48,210 records (100 %) in 2.3 s"],
            writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
