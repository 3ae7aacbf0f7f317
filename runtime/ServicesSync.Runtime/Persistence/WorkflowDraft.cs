using ServicesSync.Definitions;

namespace ServicesSync.Persistence;

/// <summary>The editable copy of a workflow. <see cref="ETag"/> changes on every save.</summary>
public sealed record WorkflowDraft(WorkflowDefinition Definition, string ETag, DateTimeOffset UpdatedAt);
