namespace ServicesSync.Canonical;

/// <summary>What an hour of the worker costs the firm, from a date (inclusive) to an optional last day (inclusive).</summary>
public sealed record CostRate(Money HourlyCost, DateOnly EffectiveFrom, DateOnly? EffectiveTo = null)
{
    public bool Covers(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date <= EffectiveTo.Value);
}
