using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Finance;

/// <summary>An hourly rate and where it came from: the card, its version's start, and the level of the line.</summary>
public sealed record ResolvedRate(Money Rate, RateLevel Level, string? CardId = null, DateOnly? VersionFrom = null);
