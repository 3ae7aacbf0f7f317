namespace ServicesSync.Persistence;

/// <summary>Filter and page of the instance list, newest first.</summary>
public sealed record InstanceQuery
{
    public const int MaxTake = 500;

    public string? WorkflowId { get; init; }

    public InstanceStatus? Status { get; init; }

    /// <summary>Inclusive lower bound of <see cref="WorkflowInstance.CreatedAt"/>.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Exclusive upper bound of <see cref="WorkflowInstance.CreatedAt"/>.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    /// <summary>Page size; stores clamp it to 0..<see cref="MaxTake"/>.</summary>
    public int Take { get; init; } = 50;
}

public sealed record InstancePage(IReadOnlyList<WorkflowInstance> Items, int Total);
