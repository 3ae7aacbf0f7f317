namespace ServicesSync.Canonical;

/// <summary>The lines of a rate card valid from a date to an optional last day, both inclusive.</summary>
public sealed record RateCardVersion
{
    public required DateOnly EffectiveFrom { get; init; }

    public DateOnly? EffectiveTo { get; init; }

    public IReadOnlyList<RateCardLine> Lines { get; init; } = [];

    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo.Value);
}
