namespace ServicesSync.Validation.Rules;

/// <summary>
/// The workflow has a trigger, every activity can be reached from one, and nothing loops back:
/// v1 has no loop construct (a for-each body is a sub-graph run per item, not a cycle).
/// </summary>
internal sealed class GraphRules : IValidationRule
{
    private const int MaxNamedOnCycle = 12;

    public void Check(ValidationContext context)
    {
        var count = context.Activities.Count;
        var successors = GraphIndex.Successors(context);
        var hasIncoming = new bool[count];
        foreach (var edge in context.Edges)
        {
            hasIncoming[edge.To] = true;
        }

        // An activity of unknown type with no way in may well be a trigger; assuming it is keeps
        // one unknown type from burying the real problem under "unreachable" follow-ons.
        var roots = Enumerable.Range(0, count)
            .Where(i => context.IsTrigger(i) || (context.DescriptorOf(i) is null && !hasIncoming[i]))
            .ToArray();
        if (!Enumerable.Range(0, count).Any(context.IsTrigger))
        {
            if (roots.Length == 0)
            {
                context.Error(
                    ProblemCodes.NoTrigger,
                    "the workflow has no trigger; add one (manual, webhook, schedule …) to say how runs start",
                    "/activities");
            }
        }
        else
        {
            var reached = GraphIndex.Reachable(successors, roots);
            for (var i = 0; i < count; i++)
            {
                if (!reached[i] && context.IndexOf(context.Activities[i].Id) == i)
                {
                    context.Error(
                        ProblemCodes.Unreachable,
                        $"activity {context.Describe(i)} can never run: no path leads to it from a trigger",
                        PointerPath.Activity(i),
                        context.Activities[i].Id);
                }
            }
        }

        foreach (var cycle in GraphIndex.Cycles(context, successors))
        {
            var names = string.Join(" → ", cycle.Activities.Select(i => $"'{context.Activities[i].Id}'"));
            if (cycle.Activities.Count > MaxNamedOnCycle)
            {
                // A loop through thousands of generated activities would bury the message.
                var shown = cycle.Activities.Take(MaxNamedOnCycle - 1).Select(i => $"'{context.Activities[i].Id}'");
                names = $"{string.Join(" → ", shown)} → … → '{context.Activities[cycle.Activities[0]].Id}' ({cycle.Activities.Count - 1} activities in all)";
            }

            context.Error(
                ProblemCodes.Cycle,
                $"the activities {names} form a loop; a workflow cannot go back to an earlier activity (use a for-each to repeat work)",
                PointerPath.Connection(cycle.ClosingConnection),
                context.Activities[cycle.Activities[0]].Id);
        }
    }
}
