using ServicesSync.Activities;

namespace ServicesSync.Validation.Rules;

/// <summary>A join waits for several branches; with fewer than two coming in it waits for nothing.</summary>
internal sealed class JoinRules : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var incomingCounts = new int[context.Activities.Count];
        foreach (var edge in context.Edges)
        {
            incomingCounts[edge.To]++;
        }

        for (var i = 0; i < context.Activities.Count; i++)
        {
            if (context.DescriptorOf(i)?.Role != FlowRole.Join)
            {
                continue;
            }

            var incoming = incomingCounts[i];
            if (incoming < 2)
            {
                context.Warning(
                    ProblemCodes.JoinTooFewIncoming,
                    $"join {context.Describe(i)} has {(incoming == 0 ? "no incoming connection" : "only one incoming connection")}; a join is for waiting on two or more branches",
                    PointerPath.Activity(i),
                    context.Activities[i].Id);
            }
        }
    }
}
