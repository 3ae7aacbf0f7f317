namespace ServicesSync.Persistence;

/// <summary>
/// One schedule trigger of the active version of a workflow, as the scheduler keeps it. Its id is
/// the workflow id and the trigger's activity id, so publishing a new version keeps its history.
/// </summary>
public sealed record ScheduleRecord
{
    public required string Id { get; init; }

    public required string WorkflowId { get; init; }

    public required int Version { get; init; }

    public required string TriggerId { get; init; }

    /// <summary>A Quartz cron expression with seconds; null for an interval schedule.</summary>
    public string? Cron { get; init; }

    /// <summary>The period of an interval schedule; null for a cron schedule.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>IANA time zone id the cron expression is read in.</summary>
    public string TimeZone { get; init; } = "UTC";

    public ScheduleMisfirePolicy Misfire { get; init; } = ScheduleMisfirePolicy.FireOnce;

    /// <summary>
    /// Occurrences at or before this instant are never fired: when the schedule was first
    /// registered, or when its timing last changed.
    /// </summary>
    public required DateTimeOffset ActiveSince { get; init; }

    /// <summary>The scheduled time of the last occurrence fired (or skipped by the misfire policy).</summary>
    public DateTimeOffset? LastFireTime { get; init; }

    public DateTimeOffset? NextFireTime { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The schedule id of a workflow's trigger.</summary>
    public static string IdOf(string workflowId, string triggerId) => workflowId + "/" + triggerId;

    /// <summary>Whether <paramref name="other"/> fires at the same times (a new version with the same timing keeps its history).</summary>
    public bool SameTiming(ScheduleRecord other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Cron == other.Cron && Interval == other.Interval && TimeZone == other.TimeZone;
    }
}

/// <summary>What to do with occurrences missed while no runtime was running.</summary>
public enum ScheduleMisfirePolicy
{
    /// <summary>One catch-up run for all missed occurrences, at start-up.</summary>
    FireOnce,

    /// <summary>No catch-up run: the next regular occurrence is the next run.</summary>
    Skip,
}
