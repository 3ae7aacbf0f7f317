namespace ServicesSync.Canonical;

/// <summary>
/// One hourly rate, for a role, a worker, a task or a combination; a line with none of them is
/// the card's default rate. The most specific matching line wins: worker + task, worker,
/// role + task, role, then the default line.
/// </summary>
public sealed record RateCardLine
{
    public string? Role { get; init; }

    public ExternalRef? Worker { get; init; }

    public ExternalRef? Task { get; init; }

    /// <summary>Hourly rate in the card's currency.</summary>
    public required decimal Rate { get; init; }
}
