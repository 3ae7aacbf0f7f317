namespace ServicesSync.Persistence;

/// <summary>Filter and page of the instance list, newest first.</summary>
public sealed record InstanceQuery
{
    public const int MaxTake = 500;

    public string? WorkflowId { get; init; }

    public InstanceStatus? Status { get; init; }

    public DateTimeOffset? CreatedFrom { get; init; }

    public DateTimeOffset? CreatedTo { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public sealed record InstancePage(IReadOnlyList<WorkflowInstance> Items, int Total);
