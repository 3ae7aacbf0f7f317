namespace ServicesSync.Definitions;

/// <summary>
/// An edge from an outcome of one activity to another activity. A missing outcome means the
/// source's only outcome; it is ambiguous when the source has several.
/// </summary>
public sealed record Connection
{
    public required string From { get; init; }

    public string? Outcome { get; init; }

    public required string To { get; init; }
}
