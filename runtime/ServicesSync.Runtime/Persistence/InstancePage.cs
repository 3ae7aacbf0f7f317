namespace ServicesSync.Persistence;

/// <summary>
/// One page of the instance list. <see cref="Total"/> is how many instances match when
/// <see cref="TotalExact"/>; otherwise more than that many match: the store stopped counting at
/// <see cref="InstanceQuery.CountBound"/>.
/// </summary>
public sealed record InstancePage(IReadOnlyList<WorkflowInstance> Items, int Total, bool TotalExact)
{
    /// <summary>The page of a store that counted <paramref name="matches"/> (exactly, or stopped past the bound).</summary>
    public static InstancePage Counted(IReadOnlyList<WorkflowInstance> items, long matches, InstanceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var bound = query.CountBound;
        return matches > bound ? new InstancePage(items, bound, TotalExact: false) : new InstancePage(items, (int)matches, TotalExact: true);
    }
}
