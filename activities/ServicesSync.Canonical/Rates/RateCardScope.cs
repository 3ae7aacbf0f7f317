namespace ServicesSync.Canonical;

/// <summary>The customer or project a rate card belongs to; the default card has no target.</summary>
public sealed record RateCardScope(RateCardScopeKind Kind, ExternalRef? Target = null)
{
    public static RateCardScope Default { get; } = new(RateCardScopeKind.Default);
}
