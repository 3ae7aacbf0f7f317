namespace ServicesSync.Canonical;

/// <summary>A unit of work inside a project that time is logged against (a Jira issue, a Tryton task).</summary>
public sealed record ProjectTask
{
    public string? Id { get; init; }

    public IReadOnlyList<ExternalRef> Refs { get; init; } = [];

    public required ExternalRef Project { get; init; }

    public required string Name { get; init; }

    /// <summary>False for internal tasks whose time is never billed.</summary>
    public bool Billable { get; init; } = true;

    public bool IsIdentifiedBy(ExternalRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return (reference.IsCanonical && reference.Id == Id) || Refs.Contains(reference);
    }
}
