using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>What the validator found: every error and warning, the priced lines and their totals.</summary>
public sealed record RateCardValidationResult(
    IReadOnlyList<RateCardIssue> Errors,
    IReadOnlyList<RateCardIssue> Warnings,
    IReadOnlyList<BilledLine> Lines,
    long TotalRawSeconds,
    long TotalBilledSeconds,
    Money? TotalAmount)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Per entry (same order as the request's entries and <see cref="Lines"/>): its own errors and warnings.</summary>
    public IReadOnlyList<EntryVerdict> Entries { get; init; } = [];
}
