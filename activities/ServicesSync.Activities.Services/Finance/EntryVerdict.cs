namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// What the validator found about one entry of the batch (same index as the entry and its line):
/// the errors and warnings about it, including those about the whole batch (an unknown currency)
/// or its day (daily hours). A repeated entry carries the duplicate error, its first occurrence
/// does not, so a batch posts the first and suspends the repeat.
/// </summary>
public sealed record EntryVerdict(IReadOnlyList<RateCardIssue> Errors, IReadOnlyList<RateCardIssue> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
