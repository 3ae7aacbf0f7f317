namespace ServicesSync.Canonical;

/// <summary>A worker staffed on a project (optionally one task) for a period, both ends inclusive.</summary>
public sealed record Assignment
{
    public string? Id { get; init; }

    public required ExternalRef Worker { get; init; }

    public required ExternalRef Project { get; init; }

    public ExternalRef? Task { get; init; }

    /// <summary>The billing role on this assignment, when it differs from the worker's own.</summary>
    public string? Role { get; init; }

    public required DateOnly StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public bool Covers(DateOnly date) => date >= StartDate && (EndDate is null || date <= EndDate.Value);
}
