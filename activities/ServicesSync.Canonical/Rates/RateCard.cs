namespace ServicesSync.Canonical;

/// <summary>
/// Hourly billing rates of a scope (default, customer or project) in one currency, as
/// effective-dated versions. Versions must not overlap and must leave no gap between them.
/// </summary>
public sealed record RateCard
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public RateCardScope Scope { get; init; } = RateCardScope.Default;

    /// <summary>ISO 4217 code of every rate on the card.</summary>
    public required string Currency { get; init; }

    public IReadOnlyList<RateCardVersion> Versions { get; init; } = [];

    /// <summary>The version effective on <paramref name="date"/>, if exactly one covers it.</summary>
    public RateCardVersion? VersionOn(DateOnly date)
    {
        var covering = Versions.Where(v => v.Covers(date)).Take(2).ToList();
        return covering.Count == 1 ? covering[0] : null;
    }
}
