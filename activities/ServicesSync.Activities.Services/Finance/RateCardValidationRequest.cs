using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Everything the validator needs. Workers, assignments and tasks are optional: when a list is
/// not provided (null) its rules are not checked and a warning says so; an empty list is
/// provided knowledge ("no assignments") and fails the rule.
/// </summary>
public sealed record RateCardValidationRequest
{
    public required IReadOnlyList<TimeEntry> Entries { get; init; }

    public required Project Project { get; init; }

    public required IReadOnlyList<RateCard> RateCards { get; init; }

    public IReadOnlyList<Worker>? Workers { get; init; }

    public IReadOnlyList<Assignment>? Assignments { get; init; }

    public IReadOnlyList<ProjectTask>? Tasks { get; init; }

    /// <summary>Entries already accepted (posted earlier): duplicates of them fail, and they count toward daily hours.</summary>
    public IReadOnlyList<TimeEntry> ExistingEntries { get; init; } = [];

    /// <summary>Overrides the project's daily hour limits.</summary>
    public HourLimits? DailyHourLimits { get; init; }

    /// <summary>Durations at most this far apart count as the same for near-duplicate detection.</summary>
    public int NearDuplicateMinutes { get; init; } = 5;
}
