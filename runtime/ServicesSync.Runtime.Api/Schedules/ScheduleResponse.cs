using System.Xml;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Schedules;

internal sealed record ScheduleListResponse(IReadOnlyList<ScheduleResponse> Items);

/// <summary>One schedule as the designer lists it; <c>interval</c> is an ISO 8601 duration.</summary>
internal sealed record ScheduleResponse(
    string WorkflowId,
    int Version,
    string TriggerId,
    string? Cron,
    string? Interval,
    string TimeZone,
    ScheduleMisfirePolicy Misfire,
    DateTimeOffset? LastFireTime,
    DateTimeOffset? NextFireTime)
{
    public static ScheduleResponse From(ScheduleRecord schedule)
        => new(
            schedule.WorkflowId,
            schedule.Version,
            schedule.TriggerId,
            schedule.Cron,
            schedule.Interval is { } interval ? XmlConvert.ToString(interval) : null,
            schedule.TimeZone,
            schedule.Misfire,
            schedule.LastFireTime,
            schedule.NextFireTime);
}
