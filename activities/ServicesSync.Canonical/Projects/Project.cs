namespace ServicesSync.Canonical;

/// <summary>
/// A project and the contract it delivers: who pays, in which currency, from when to when, and
/// the billing controls the ERP owns (rounding, approval, rate overrides, hour limits).
/// </summary>
public sealed record Project
{
    public string? Id { get; init; }

    public IReadOnlyList<ExternalRef> Refs { get; init; } = [];

    public required string Name { get; init; }

    public ExternalRef? Customer { get; init; }

    public BillingType BillingType { get; init; } = BillingType.TimeAndMaterials;

    /// <summary>ISO 4217 code of the contract; rate cards must match it.</summary>
    public required string Currency { get; init; }

    public ProjectStatus Status { get; init; } = ProjectStatus.Open;

    /// <summary>First day time may be logged.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Last day time may be logged (inclusive).</summary>
    public DateOnly? EndDate { get; init; }

    public RoundingRule? Rounding { get; init; }

    /// <summary>Only approved time may be billed.</summary>
    public bool ApprovalRequired { get; init; } = true;

    /// <summary>Whether a time entry may carry its own rate, which then wins over every rate card.</summary>
    public bool AllowRateOverride { get; init; }

    public HourLimits? DailyHourLimits { get; init; }

    public string? ContractNumber { get; init; }

    public Money? ContractValue { get; init; }

    public bool IsIdentifiedBy(ExternalRef reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return (reference.IsCanonical && reference.Id == Id) || Refs.Contains(reference);
    }

    /// <summary>Whether the project accepts time on <paramref name="date"/>: open and within its dates.</summary>
    public bool IsOpenOn(DateOnly date)
        => Status == ProjectStatus.Open
           && (StartDate is null || date >= StartDate.Value)
           && (EndDate is null || date <= EndDate.Value);
}
