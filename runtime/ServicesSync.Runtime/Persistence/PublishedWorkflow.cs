using ServicesSync.Definitions;

namespace ServicesSync.Persistence;

/// <summary>An immutable published version of a workflow.</summary>
public sealed record PublishedWorkflow(WorkflowDefinition Definition, DateTimeOffset PublishedAt, string? PublishedBy)
{
    public string Id => Definition.Id;

    public int Version => Definition.Version;

    /// <summary>
    /// The workflow was deleted: the version stays readable for the runs that used it, but
    /// starts no new runs.
    /// </summary>
    public bool Retired { get; init; }
}
