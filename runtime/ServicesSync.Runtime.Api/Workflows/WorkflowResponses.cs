using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Definitions;
using ServicesSync.Persistence;
using ServicesSync.Validation;

namespace ServicesSync.Api.Workflows;

/// <summary>
/// A draft as the API returns it. <see cref="Definition"/> is written with the definition's own
/// JSON options (ISO 8601 durations, camelCase enums) so it round-trips through PUT unchanged.
/// </summary>
internal sealed record WorkflowDraftResponse(
    string Id,
    string ETag,
    DateTimeOffset UpdatedAt,
    JsonNode Definition,
    IReadOnlyList<ProblemView> Problems)
{
    public static WorkflowDraftResponse From(WorkflowDraft draft, IEnumerable<ValidationProblem> problems) => new(
        draft.Definition.Id,
        ETags.ToHeader(draft.ETag),
        draft.UpdatedAt,
        DefinitionNode.From(draft.Definition),
        ProblemView.From(problems));
}

internal sealed record WorkflowSummaryResponse(
    string Id,
    string Name,
    string? Description,
    DateTimeOffset? DraftUpdatedAt,
    string? DraftETag,
    int? LatestVersion,
    DateTimeOffset? LatestPublishedAt)
{
    public static WorkflowSummaryResponse From(WorkflowSummary summary) => new(
        summary.Id,
        summary.Name,
        summary.Description,
        summary.DraftUpdatedAt,
        summary.DraftETag is null ? null : ETags.ToHeader(summary.DraftETag),
        summary.LatestVersion,
        summary.LatestPublishedAt);
}

internal sealed record PublishResponse(string Id, int Version, DateTimeOffset PublishedAt, IReadOnlyList<ProblemView> Warnings);

internal sealed record VersionSummaryResponse(string Id, int Version, string Name, DateTimeOffset PublishedAt, string? PublishedBy)
{
    public static VersionSummaryResponse From(PublishedWorkflow published)
        => new(published.Id, published.Version, published.Definition.Name, published.PublishedAt, published.PublishedBy);
}

internal sealed record VersionResponse(string Id, int Version, DateTimeOffset PublishedAt, string? PublishedBy, JsonNode Definition)
{
    public static VersionResponse From(PublishedWorkflow published)
        => new(published.Id, published.Version, published.PublishedAt, published.PublishedBy, DefinitionNode.From(published.Definition));
}

internal static class DefinitionNode
{
    public static JsonNode From(WorkflowDefinition definition)
        => JsonSerializer.SerializeToNode(definition, DefinitionJson.Options)!;
}
