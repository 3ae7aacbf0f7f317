using ServicesSync.Triggers.Schedules;

namespace ServicesSync.Triggers.Tests.Schedules;

public sealed class ScheduleTimingTests
{
    private static ScheduleTiming Create(string? cron, TimeSpan? interval = null, string zone = "UTC")
    {
        Assert.True(ScheduleTiming.TryCreate(cron, interval, zone, out var timing, out var problems), string.Join("; ", problems));
        return timing;
    }

    [Fact]
    public void NextAfter_DailyCronInBerlin_FollowsTheSpringDaylightSavingChange()
    {
        var timing = Create("0 0 6 * * ?", zone: "Europe/Berlin");

        var saturday = timing.NextAfter(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero));
        var sunday = timing.NextAfter(saturday!.Value);

        // 06:00 CET is 05:00 UTC; from 29 March 06:00 CEST is 04:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 5, 0, 0, TimeSpan.Zero), saturday);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 4, 0, 0, TimeSpan.Zero), sunday);
        Assert.Equal(new TimeSpan(6, 0, 0), timing.ToLocal(sunday!.Value).TimeOfDay);
    }

    [Fact]
    public void LatestAtOrBefore_CronOnTheSecond_IncludesThatSecond()
    {
        var timing = Create("0 */15 * * * ?");
        var quarter = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero);

        Assert.Equal(quarter, timing.LatestAtOrBefore(quarter));
        Assert.Equal(quarter, timing.LatestAtOrBefore(quarter.AddMinutes(14)));
        Assert.Equal(quarter.AddMinutes(15), timing.NextAfter(quarter));
    }

    [Fact]
    public void Interval_FallsOnMultiplesFromTheEpoch()
    {
        var timing = Create(null, TimeSpan.FromMinutes(15));
        var now = new DateTimeOffset(2026, 3, 2, 9, 7, 30, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), timing.LatestAtOrBefore(now));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.Zero), timing.NextAfter(now));
    }

    [Theory]
    [InlineData("0 0 6 * * ?", null, "Mars/Olympus_Mons", "timeZone", "not a known IANA time zone")]
    [InlineData("0 0 25 * * ?", null, "UTC", "cron", "not a Quartz cron expression")]
    [InlineData("0 6 * * *", null, "UTC", "cron", "not a Quartz cron expression")]
    [InlineData(null, null, "UTC", "cron", "is missing")]
    [InlineData("0 0 6 * * ?", "PT1H", "UTC", "interval", "together with cron")]
    [InlineData(null, "PT0.5S", "UTC", "interval", "at least one second")]
    public void TryCreate_UnusableSettings_NameTheInputAndTheProblem(string? cron, string? interval, string zone, string input, string message)
    {
        TimeSpan? period = interval is null ? null : System.Xml.XmlConvert.ToTimeSpan(interval);

        Assert.False(ScheduleTiming.TryCreate(cron, period, zone, out _, out var problems));

        Assert.Contains(problems, p => p.Input == input && p.Message.Contains(message, StringComparison.Ordinal));
    }
}
