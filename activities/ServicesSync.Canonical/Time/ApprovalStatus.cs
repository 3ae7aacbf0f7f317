namespace ServicesSync.Canonical;

/// <summary>Where a time entry or expense stands in its approval.</summary>
public enum ApprovalStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}
