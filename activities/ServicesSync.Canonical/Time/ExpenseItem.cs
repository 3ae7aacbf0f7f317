namespace ServicesSync.Canonical;

/// <summary>An expense a worker incurred for a project, possibly re-billed to the customer.</summary>
public sealed record ExpenseItem
{
    public required ExternalRef Source { get; init; }

    public required ExternalRef Worker { get; init; }

    public required ExternalRef Project { get; init; }

    public ExternalRef? Task { get; init; }

    /// <summary>Local date of the expense.</summary>
    public required DateOnly Date { get; init; }

    public required Money Amount { get; init; }

    public string? Category { get; init; }

    public bool Billable { get; init; }

    public ApprovalStatus ApprovalStatus { get; init; } = ApprovalStatus.Draft;

    public string? Description { get; init; }
}
