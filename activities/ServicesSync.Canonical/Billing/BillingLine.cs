namespace ServicesSync.Canonical;

/// <summary>
/// One line of a billing event. For time, <see cref="RawHours"/> is what was logged and
/// <see cref="Hours"/> what is billed after rounding; the amount is rounded to the currency.
/// </summary>
public sealed record BillingLine
{
    public required string Description { get; init; }

    /// <summary>The time entry, milestone or expense this line bills.</summary>
    public ExternalRef? Source { get; init; }

    public ExternalRef? Worker { get; init; }

    public ExternalRef? Task { get; init; }

    public DateOnly? WorkDate { get; init; }

    public decimal? RawHours { get; init; }

    public decimal? Hours { get; init; }

    public Money? Rate { get; init; }

    public required Money Amount { get; init; }
}
