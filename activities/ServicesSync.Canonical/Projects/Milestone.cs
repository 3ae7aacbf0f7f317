namespace ServicesSync.Canonical;

/// <summary>A contractual deliverable that is invoiced at a fixed amount when completed.</summary>
public sealed record Milestone
{
    /// <summary>The milestone in the system that tracks it, e.g. jira:PROJ-12 or netsuite:milestone:44.</summary>
    public required ExternalRef Source { get; init; }

    public required ExternalRef Project { get; init; }

    public required string Name { get; init; }

    public required Money Amount { get; init; }

    public DateOnly? CompletedOn { get; init; }
}
