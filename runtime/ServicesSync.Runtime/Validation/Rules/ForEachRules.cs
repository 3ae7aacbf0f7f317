using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Definitions;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// A for-each's body is every activity reachable from its <c>body</c> outcome, run once per item.
/// The body must be a closed sub-graph: entered only through that outcome, so that no activity
/// runs both per item and once for the whole run, and it holds no trigger. Nesting is fine.
/// Variables belong to the whole run, so a body that sets one while items run side by side is
/// warned about: one item can read what another wrote (a rehire upserting another's data).
/// </summary>
internal sealed class ForEachRules : IValidationRule
{
    private const string SetVariableType = "core.setVariable";

    public void Check(ValidationContext context)
    {
        var successors = GraphIndex.Successors(context);
        for (var loop = 0; loop < context.Activities.Count; loop++)
        {
            if (context.DescriptorOf(loop)?.Role != FlowRole.ForEach || context.IndexOf(context.Activities[loop].Id) != loop)
            {
                continue;
            }

            var bodyStarts = context.Edges.Where(e => e.From == loop && e.Outcome == ActivityOutcomes.Body).Select(e => e.To);
            // A path back to the for-each itself is a cycle, reported by the graph rules.
            var body = GraphIndex.Reachable(successors, bodyStarts, barrier: loop);
            var loopId = context.Activities[loop].Id;
            foreach (var edge in context.Edges)
            {
                var enteredProperly = (edge.From == loop && edge.Outcome == ActivityOutcomes.Body) || body[edge.From];
                if (!body[edge.To] || enteredProperly)
                {
                    continue;
                }

                var targetId = context.Activities[edge.To].Id;
                var source = edge.From != loop
                    ? $"'{context.Activities[edge.From].Id}' outside it"
                    : edge.Outcome is { } outcome
                        ? $"the '{outcome}' outcome of '{loopId}'"
                        : $"a connection of '{loopId}' that names no outcome";
                context.Error(
                    ProblemCodes.ForEachBodyEnteredFromOutside,
                    $"activity '{targetId}' is inside the body of for-each '{loopId}' but is also reached from {source}",
                    PointerPath.Connection(edge.ConnectionIndex),
                    targetId);
            }

            var parallel = MayRunItemsInParallel(context.Activities[loop]);
            for (var i = 0; i < body.Length; i++)
            {
                if (body[i] && parallel && context.Activities[i].Type == SetVariableType)
                {
                    context.Warning(
                        ProblemCodes.VariableSetInParallelBody,
                        $"{context.Describe(i)} sets a run-wide variable inside for-each '{loopId}', which runs several items at once: "
                        + "one item can read the value another item wrote. Carry per-item data in the message, or set parallelism to 1",
                        PointerPath.Activity(i),
                        context.Activities[i].Id);
                }

                if (body[i] && context.IsTrigger(i))
                {
                    context.Error(
                        ProblemCodes.TriggerInForEachBody,
                        $"trigger {context.Describe(i)} is inside the body of for-each '{loopId}'; a trigger starts runs and cannot run once per item",
                        PointerPath.Activity(i),
                        context.Activities[i].Id);
                }
            }
        }
    }

    /// <summary>A literal parallelism above 1, or one computed at run time (which may be).</summary>
    private static bool MayRunItemsInParallel(ActivityNode loop)
        => loop.Inputs["parallelism"] switch
        {
            null => false,
            JsonValue value when value.TryGetValue<int>(out var literal) => literal > 1,
            JsonValue => false,
            _ => true,
        };
}
