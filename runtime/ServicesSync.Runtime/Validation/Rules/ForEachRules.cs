using ServicesSync.Activities;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// A for-each's body is every activity reachable from its <c>body</c> outcome, run once per item.
/// The body must be a closed sub-graph: entered only through that outcome, so that no activity
/// runs both per item and once for the whole run, and it holds no trigger. Nesting is fine.
/// </summary>
internal sealed class ForEachRules : IValidationRule
{
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

            for (var i = 0; i < body.Length; i++)
            {
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
}
