namespace ServicesSync.Persistence;

/// <summary>A persisted wait: resumed by name + correlation key, by time, or by id.</summary>
public sealed record BookmarkRecord
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public string Scope { get; init; } = "";

    public required string Name { get; init; }

    public string? CorrelationKey { get; init; }

    public DateTimeOffset? ResumeAt { get; init; }

    public string? PayloadJson { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
