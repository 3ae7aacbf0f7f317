using Polly;
using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Registry;

namespace ServicesSync.Execution.Compilation;

/// <summary>An activity node with everything the executor needs resolved once per workflow version.</summary>
internal sealed class ExecutableNode
{
    private static readonly ExecutableNode[] NoTargets = [];

    public required ActivityNode Node { get; init; }

    public required ActivityRegistration Registration { get; init; }

    public string Id => Node.Id;

    public ActivityDescriptor Descriptor => Registration.Descriptor;

    public FlowRole Role => Registration.Descriptor.Role;

    /// <summary>Targets by outcome name.</summary>
    public Dictionary<string, ExecutableNode[]> Targets { get; } = new(StringComparer.Ordinal);

    /// <summary>Distinct activities with a connection into this node (what an <c>all</c> join waits for).</summary>
    public HashSet<string> Sources { get; } = new(StringComparer.Ordinal);

    /// <summary>Retry and timeout around each execution; null when the node has neither.</summary>
    public ResiliencePipeline? Pipeline { get; set; }

    /// <summary>Whether any input is an expression (otherwise the literal inputs are passed as they are).</summary>
    public bool HasExpressions { get; init; }

    /// <summary>For joins: fire on the first arrival instead of waiting for every source.</summary>
    public bool JoinAny { get; init; }

    /// <summary>Position in a topological order of the graph; stuck joins fire earliest first.</summary>
    public int Order { get; set; }

    public IReadOnlyList<ExecutableNode> TargetsOf(string outcome)
        => Targets.TryGetValue(outcome, out var targets) ? targets : NoTargets;
}
