using ServicesSync.Definitions;

namespace ServicesSync.Persistence;

/// <summary>An immutable published version of a workflow.</summary>
public sealed record PublishedWorkflow(WorkflowDefinition Definition, DateTimeOffset PublishedAt, string? PublishedBy)
{
    public string Id => Definition.Id;

    public int Version => Definition.Version;
}
