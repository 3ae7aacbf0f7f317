namespace ServicesSync.Canonical;

/// <summary>
/// One continuous stretch of employment, both ends inclusive; an open period has no end. A
/// rehire is a second period, so time logged between the two periods is not covered.
/// </summary>
public sealed record EmploymentPeriod(DateOnly Start, DateOnly? End = null, string? Reason = null)
{
    public bool Contains(DateOnly date) => date >= Start && (End is null || date <= End.Value);
}
