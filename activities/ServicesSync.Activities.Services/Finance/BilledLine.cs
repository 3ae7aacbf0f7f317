using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// One validated time entry as it would be billed. Raw seconds are what was billable as logged;
/// billed seconds are after the project's rounding (equal to raw when rounding is on the total).
/// </summary>
public sealed record BilledLine
{
    public required ExternalRef Source { get; init; }

    public required ExternalRef Worker { get; init; }

    public ExternalRef? Task { get; init; }

    public required DateOnly WorkDate { get; init; }

    public required long DurationSeconds { get; init; }

    public required long RawSeconds { get; init; }

    public required long BilledSeconds { get; init; }

    public decimal RawHours => Hours(RawSeconds);

    public decimal BilledHours => Hours(BilledSeconds);

    public string? Role { get; init; }

    public ResolvedRate? Rate { get; init; }

    /// <summary>Billed hours times the rate, rounded to the currency; null when the line is not priced.</summary>
    public Money? Amount { get; init; }

    /// <summary>Another entry this one looks like (same worker, project, date, similar duration), if any.</summary>
    public ExternalRef? NearDuplicateOf { get; init; }

    /// <summary>Hours with six decimals: enough for a second (1/3600 h) to show.</summary>
    public static decimal Hours(long seconds) => Math.Round(seconds / 3600m, 6, MidpointRounding.AwayFromZero);
}
