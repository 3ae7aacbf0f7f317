namespace ServicesSync.Persistence;

/// <summary>
/// One occurrence of a schedule, claimed by a runtime before it starts the run. The run's id is
/// derived from the schedule id and the scheduled time, so even a claim taken over after a crash
/// finds the run its first owner may already have started instead of starting another.
/// </summary>
public sealed record ScheduleFiring
{
    public required string ScheduleId { get; init; }

    /// <summary>The scheduled time of the occurrence (not when it was handled).</summary>
    public required DateTimeOffset FireTime { get; init; }

    public required string InstanceId { get; init; }

    /// <summary>Which runtime process claimed it.</summary>
    public required string ClaimedBy { get; init; }

    public required DateTimeOffset ClaimedAt { get; init; }

    /// <summary>When the run was started; null while only claimed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
