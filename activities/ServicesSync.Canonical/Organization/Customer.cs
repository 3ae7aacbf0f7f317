namespace ServicesSync.Canonical;

/// <summary>A client the firm bills. The CRM owns it until the deal is won, the ERP afterwards.</summary>
public sealed record Customer
{
    public string? Id { get; init; }

    public IReadOnlyList<ExternalRef> Refs { get; init; } = [];

    public required string Name { get; init; }

    /// <summary>ISO 4217 code the customer is invoiced in, when agreed.</summary>
    public string? Currency { get; init; }

    public bool Active { get; init; } = true;
}
