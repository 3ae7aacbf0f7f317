using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// The work date of a time entry is the date the worker experienced, in their own time zone:
/// a worklog started at 23:30 in Chicago on 1 March is 1 March, though UTC already says 2 March.
/// With a known IANA time zone the instant is converted to it (daylight saving included);
/// without one the offset the source wrote is taken as the worker's.
/// </summary>
internal static class LocalWorkDate
{
    public static (DateOnly WorkDate, DateTimeOffset StartedAt) From(DateTimeOffset started, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return (DateOnly.FromDateTime(started.DateTime), started);
        }

        var local = TimeZoneInfo.ConvertTime(started, Find(timeZone));
        return (DateOnly.FromDateTime(local.DateTime), local);
    }

    /// <summary>A local date and time in a zone as an instant; a time skipped by a DST change takes the zone's standard offset.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, string timeZone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Find(timeZone).GetUtcOffset(local));
    }

    public static TimeZoneInfo Find(string timeZone)
        => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
            ? zone
            : throw new ServicesSyncException($"'{timeZone}' is not a known IANA time zone such as America/Chicago or Europe/Berlin.", ErrorKind.Validation);
}
