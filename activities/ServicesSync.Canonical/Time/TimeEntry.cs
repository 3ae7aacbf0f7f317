namespace ServicesSync.Canonical;

/// <summary>
/// Time a worker logged on a project. <see cref="WorkDate"/> is the LOCAL date of the work as
/// the source recorded it: a worklog started at 23:30 -06:00 on 1 March belongs to 1 March,
/// even though it is already 2 March in UTC. Rates, limits and employment are checked on that
/// date. <see cref="StartedAt"/> keeps the instant with its original offset when the source has one.
/// </summary>
public sealed record TimeEntry
{
    /// <summary>The entry in the system it was logged in (source system + source id): the idempotency key of every post.</summary>
    public required ExternalRef Source { get; init; }

    public required ExternalRef Worker { get; init; }

    public required ExternalRef Project { get; init; }

    public ExternalRef? Task { get; init; }

    public required DateOnly WorkDate { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public required long DurationSeconds { get; init; }

    /// <summary>Seconds the source marked billable; null when the source does not say.</summary>
    public long? BillableSeconds { get; init; }

    public TimeEntryType Type { get; init; } = TimeEntryType.Work;

    public ApprovalStatus ApprovalStatus { get; init; } = ApprovalStatus.Draft;

    public string? Description { get; init; }

    /// <summary>The billing role for this entry when it differs from the worker's.</summary>
    public string? Role { get; init; }

    /// <summary>An hourly rate set on the entry itself; used only where the project allows overrides.</summary>
    public Money? RateOverride { get; init; }
}
