using System.Collections.Frozen;
using ServicesSync.Definitions;

namespace ServicesSync.Execution.Compilation;

/// <summary>A definition compiled for execution: nodes resolved, edges indexed, pipelines built.</summary>
internal sealed class ExecutableWorkflow
{
    public required WorkflowDefinition Definition { get; init; }

    public required FrozenDictionary<string, ExecutableNode> Nodes { get; init; }

    public required IReadOnlyList<ExecutableNode> Triggers { get; init; }

    /// <summary>The definition as JSON for runs of unpublished definitions, so they can resume.</summary>
    public string? AdHocJson { get; init; }

    public string Id => Definition.Id;

    public int Version => Definition.Version;

    public ExecutableNode GetNode(string id)
        => Nodes.TryGetValue(id, out var node)
            ? node
            : throw new Errors.ServicesSyncException(
                $"Workflow '{Id}' version {Version} has no activity '{id}'.", Errors.ErrorKind.Configuration);
}
