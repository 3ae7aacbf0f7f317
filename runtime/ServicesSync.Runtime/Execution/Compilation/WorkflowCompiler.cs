using System.Collections.Frozen;
using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Registry;

namespace ServicesSync.Execution.Compilation;

/// <summary>
/// Turns a validated definition into an <see cref="ExecutableWorkflow"/>. It re-checks only what
/// execution depends on (types exist, edges resolve) so a definition that slipped past validation
/// fails here with a clear message rather than midway through a run.
/// </summary>
internal sealed class WorkflowCompiler(IActivityRegistry registry, ResiliencePipelineFactory pipelines)
{
    public ExecutableWorkflow Compile(WorkflowDefinition definition, string? adHocJson = null)
    {
        var nodes = new Dictionary<string, ExecutableNode>(StringComparer.Ordinal);
        foreach (var activity in definition.Activities)
        {
            if (!registry.TryFind(activity.Type, activity.TypeVersion, out var registration))
            {
                throw new ServicesSyncException(
                    $"Workflow '{definition.Id}': activity '{activity.Id}' has type '{activity.Type}'"
                    + (activity.TypeVersion is { } v ? $" version {v}" : "") + ", which this runtime does not have.",
                    ErrorKind.Configuration);
            }

            nodes[activity.Id] = new ExecutableNode
            {
                Node = activity,
                Registration = registration,
                HasExpressions = activity.Inputs.Any(pair => Expression.IsExpression(pair.Value)),
                JoinAny = registration.Descriptor.Role == FlowRole.Join
                          && activity.Inputs["mode"] is System.Text.Json.Nodes.JsonValue mode
                          && mode.TryGetValue<string>(out var modeName) && modeName == "any",
                Pipeline = pipelines.Create(activity),
            };
        }

        var targets = new Dictionary<(string From, string Outcome), List<ExecutableNode>>();
        foreach (var connection in definition.Connections)
        {
            if (!nodes.TryGetValue(connection.From, out var from) || !nodes.TryGetValue(connection.To, out var to))
            {
                throw new ServicesSyncException(
                    $"Workflow '{definition.Id}': connection {connection.From} → {connection.To} names an activity that does not exist.",
                    ErrorKind.Configuration);
            }

            var outcome = connection.Outcome ?? from.Descriptor.DefaultOutcome;
            if (!targets.TryGetValue((from.Id, outcome), out var list))
            {
                targets[(from.Id, outcome)] = list = [];
            }

            list.Add(to);
            to.Sources.Add(from.Id);
        }

        foreach (var ((fromId, outcome), list) in targets)
        {
            nodes[fromId].Targets[outcome] = [.. list];
        }

        AssignTopologicalOrder(nodes.Values);
        return new ExecutableWorkflow
        {
            Definition = definition,
            Nodes = nodes.ToFrozenDictionary(StringComparer.Ordinal),
            Triggers = definition.Activities.Where(a => nodes[a.Id].Descriptor.IsTrigger).Select(a => nodes[a.Id]).ToArray(),
            AdHocJson = adHocJson,
        };
    }

    private static void AssignTopologicalOrder(IEnumerable<ExecutableNode> nodes)
    {
        var inDegree = nodes.ToDictionary(n => n, n => n.Sources.Count);
        var ready = new Queue<ExecutableNode>(inDegree.Where(p => p.Value == 0).Select(p => p.Key));
        var order = 0;
        while (ready.Count > 0)
        {
            var node = ready.Dequeue();
            node.Order = order++;
            foreach (var target in node.Targets.Values.SelectMany(t => t).Distinct())
            {
                if (--inDegree[target] == 0)
                {
                    ready.Enqueue(target);
                }
            }
        }
    }
}
