namespace ServicesSync.Persistence;

/// <summary>Filter and page of the instance list, newest first.</summary>
public sealed record InstanceQuery
{
    public const int MaxTake = 500;

    /// <summary>
    /// How many matches past <see cref="Skip"/> a store counts by default. An operator reading
    /// "1–50 of 10,000+" learns as much as from an exact figure, and an exact count of millions
    /// of runs would cost more than the page itself.
    /// </summary>
    public const int DefaultCountLimit = 10_000;

    public string? WorkflowId { get; init; }

    public InstanceStatus? Status { get; init; }

    /// <summary>Inclusive lower bound of <see cref="WorkflowInstance.CreatedAt"/>.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Exclusive upper bound of <see cref="WorkflowInstance.CreatedAt"/>.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    /// <summary>Page size; stores clamp it to 0..<see cref="MaxTake"/>.</summary>
    public int Take { get; init; } = 50;

    /// <summary>
    /// Matches are counted up to <see cref="Skip"/> + this (at least 1); when more match,
    /// <see cref="InstancePage.Total"/> is that bound and <see cref="InstancePage.TotalExact"/> false.
    /// </summary>
    public int CountLimit { get; init; } = DefaultCountLimit;

    /// <summary>Where counting stops for this query: <see cref="Skip"/> + <see cref="CountLimit"/>, within 1..<see cref="int.MaxValue"/>.</summary>
    public int CountBound => (int)Math.Clamp((long)Math.Max(0, Skip) + Math.Max(1, CountLimit), 1, int.MaxValue);
}
