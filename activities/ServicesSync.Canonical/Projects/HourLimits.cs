namespace ServicesSync.Canonical;

/// <summary>
/// Hours a worker may log on one project on one work date. Above <see cref="Soft"/> the entry
/// passes with a warning; above <see cref="Hard"/> it is invalid.
/// </summary>
public sealed record HourLimits(decimal? Soft = null, decimal? Hard = null);
