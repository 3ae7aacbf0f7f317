namespace ServicesSync.Canonical;

/// <summary>Whom a rate card applies to; a project card wins over a customer card, which wins over the default card.</summary>
public enum RateCardScopeKind
{
    Default,
    Customer,
    Project,
}
