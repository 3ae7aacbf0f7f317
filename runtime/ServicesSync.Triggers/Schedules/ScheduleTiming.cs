using System.Diagnostics.CodeAnalysis;
using Quartz;

namespace ServicesSync.Triggers.Schedules;

/// <summary>
/// When a schedule fires. Cron expressions are Quartz's (with seconds), evaluated by Quartz in the
/// schedule's IANA time zone, daylight-saving changes included; intervals are fixed periods counted
/// from the Unix epoch, so every process and every restart agrees on the same occurrences.
/// </summary>
internal sealed class ScheduleTiming
{
    private readonly CronExpression? cron;
    private readonly TimeSpan interval;

    private ScheduleTiming(CronExpression? cron, TimeSpan interval, TimeZoneInfo zone)
    {
        this.cron = cron;
        this.interval = interval;
        Zone = zone;
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>; null when there is none.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        if (cron is not null)
        {
            return cron.GetNextValidTimeAfter(after);
        }

        var ticks = after.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var periods = (ticks / interval.Ticks) + 1;
        return DateTimeOffset.UnixEpoch.AddTicks(periods * interval.Ticks);
    }

    /// <summary>The latest occurrence at or before <paramref name="atOrBefore"/>; null when there is none.</summary>
    public DateTimeOffset? LatestAtOrBefore(DateTimeOffset atOrBefore)
    {
        if (cron is not null)
        {
            return cron.GetPreviousValidTimeBefore(atOrBefore.AddTicks(1));
        }

        var ticks = atOrBefore.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return ticks < 0 ? null : DateTimeOffset.UnixEpoch.AddTicks(ticks / interval.Ticks * interval.Ticks);
    }

    /// <summary>The local time of an occurrence in the schedule's zone, for the run's message.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public static bool TryCreate(
        string? cronText,
        TimeSpan? intervalValue,
        string? timeZone,
        [NotNullWhen(true)] out ScheduleTiming? timing,
        out List<(string Input, string Message)> problems)
    {
        timing = null;
        problems = [];
        var zone = TryFindZone(timeZone ?? "UTC", problems);
        CronExpression? expression = null;
        if (!string.IsNullOrWhiteSpace(cronText) && intervalValue is not null)
        {
            problems.Add(("interval", "is set together with cron; a schedule has one or the other"));
        }
        else if (!string.IsNullOrWhiteSpace(cronText))
        {
            expression = TryParseCron(cronText, zone, problems);
        }
        else if (intervalValue is null)
        {
            problems.Add(("cron", "is missing: set a cron expression (0 0 6 ? * MON-FRI) or an interval (PT15M)"));
        }
        else if (intervalValue < TimeSpan.FromSeconds(1))
        {
            problems.Add(("interval", $"must be at least one second; found {intervalValue}"));
        }

        if (problems.Count > 0 || zone is null)
        {
            return false;
        }

        timing = new ScheduleTiming(expression, intervalValue ?? TimeSpan.Zero, zone);
        return true;
    }

    private static TimeZoneInfo? TryFindZone(string id, List<(string Input, string Message)> problems)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            problems.Add(("timeZone", $"'{id}' is not a known IANA time zone; use a name such as Europe/Berlin, America/New_York or UTC"));
            return null;
        }
    }

    private static CronExpression? TryParseCron(string text, TimeZoneInfo? zone, List<(string Input, string Message)> problems)
    {
        try
        {
            var expression = new CronExpression(text.Trim(), zone ?? TimeZoneInfo.Utc);
            if (expression.GetNextValidTimeAfter(DateTimeOffset.UnixEpoch) is null)
            {
                problems.Add(("cron", $"'{text}' never fires"));
                return null;
            }

            return expression;
        }
        catch (FormatException e)
        {
            problems.Add(("cron", $"'{text}' is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]): {e.Message}"));
            return null;
        }
    }
}
