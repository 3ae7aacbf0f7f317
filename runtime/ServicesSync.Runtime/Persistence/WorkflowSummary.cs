namespace ServicesSync.Persistence;

/// <summary>One line of the workflow list: the draft and the newest published version.</summary>
public sealed record WorkflowSummary(
    string Id,
    string Name,
    string? Description,
    DateTimeOffset? DraftUpdatedAt,
    string? DraftETag,
    int? LatestVersion,
    DateTimeOffset? LatestPublishedAt);
