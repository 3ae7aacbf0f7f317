namespace ServicesSync.Canonical;

/// <summary>
/// Something the ERP should invoice: a completed milestone or a set of approved time. Its
/// <see cref="Source"/> is derived from what it bills, so building it twice gives the same
/// key and posting it twice changes nothing.
/// </summary>
public sealed record BillingEvent
{
    /// <summary>Deterministic id, e.g. <c>milestone:jira:PROJ-12</c> or <c>time:jira:10042/…</c>.</summary>
    public required ExternalRef Source { get; init; }

    public required BillingEventKind Kind { get; init; }

    public required ExternalRef Project { get; init; }

    public ExternalRef? Customer { get; init; }

    /// <summary>The date the event is billable on (milestone completion, last work date).</summary>
    public required DateOnly Date { get; init; }

    public IReadOnlyList<BillingLine> Lines { get; init; } = [];

    /// <summary>Sum of the lines, or the total rounded once when the project rounds on the total.</summary>
    public required Money Total { get; init; }

    public string? Description { get; init; }
}
