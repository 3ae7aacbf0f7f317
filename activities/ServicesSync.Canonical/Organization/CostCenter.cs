namespace ServicesSync.Canonical;

/// <summary>An accounting unit costs are booked to. The ERP owns cost centers; HR assigns workers to them.</summary>
public sealed record CostCenter
{
    public string? Id { get; init; }

    public IReadOnlyList<ExternalRef> Refs { get; init; } = [];

    public required string Code { get; init; }

    public string? Name { get; init; }

    public bool Active { get; init; } = true;
}
