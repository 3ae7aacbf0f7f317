using ServicesSync.Definitions;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// Each connection joins two activities of the workflow, follows an outcome its source declares
/// (named whenever the source has several), appears once, and never leads into a trigger.
/// </summary>
internal sealed class ConnectionRules : IValidationRule
{
    public void Check(ValidationContext context)
    {
        var seen = new Dictionary<(string From, string Outcome, string To), int>();
        for (var i = 0; i < context.Definition.Connections.Count; i++)
        {
            var connection = context.Definition.Connections[i];
            var path = PointerPath.Connection(i);
            var from = context.IndexOf(connection.From);
            var to = context.IndexOf(connection.To);
            if (from is null)
            {
                context.Error(
                    ProblemCodes.UnknownConnectionSource,
                    $"a connection starts at '{connection.From}', which is not an activity of this workflow{Suggestions.DidYouMean(connection.From, context.ActivityIds)}",
                    PointerPath.Append(path, "from"),
                    to is null ? null : connection.To);
            }

            if (to is null)
            {
                context.Error(
                    ProblemCodes.UnknownConnectionTarget,
                    $"a connection leads to '{connection.To}', which is not an activity of this workflow{Suggestions.DidYouMean(connection.To, context.ActivityIds)}",
                    PointerPath.Append(path, "to"),
                    from is null ? null : connection.From);
            }

            if (from is { } source)
            {
                CheckOutcome(context, connection, source, path);
            }

            if (to is { } target && context.IsTrigger(target))
            {
                context.Error(
                    ProblemCodes.ConnectionIntoTrigger,
                    $"a connection leads into trigger {context.Describe(target)}; triggers start runs and cannot follow another activity",
                    PointerPath.Append(path, "to"),
                    connection.To);
            }

            var outcome = (from is { } f ? ValidationContext.EffectiveOutcome(connection, context.DescriptorOf(f)) : connection.Outcome) ?? "";
            if (!seen.TryAdd((connection.From, outcome, connection.To), i))
            {
                context.Error(
                    ProblemCodes.DuplicateConnection,
                    $"the connection from '{connection.From}'{(outcome.Length > 0 ? $" (outcome '{outcome}')" : "")} to '{connection.To}' is already at {PointerPath.Connection(seen[(connection.From, outcome, connection.To)])}",
                    path,
                    connection.From);
            }
        }
    }

    private static void CheckOutcome(ValidationContext context, Connection connection, int source, string path)
    {
        if (context.DescriptorOf(source) is not { } descriptor)
        {
            return;
        }

        var declared = string.Join(", ", descriptor.Outcomes.Select(o => o.Name));
        if (descriptor.Outcomes.Count == 0)
        {
            context.Error(
                ProblemCodes.UnknownOutcome,
                $"activity {context.Describe(source)} has no outcomes, so nothing can follow it",
                path,
                connection.From);
        }
        else if (connection.Outcome is { } outcome && !descriptor.HasOutcome(outcome))
        {
            context.Error(
                ProblemCodes.UnknownOutcome,
                $"activity {context.Describe(source)} has no outcome '{outcome}'; its outcomes are: {declared}",
                PointerPath.Append(path, "outcome"),
                connection.From);
        }
        else if (connection.Outcome is null && descriptor.Outcomes.Count > 1)
        {
            context.Error(
                ProblemCodes.AmbiguousOutcome,
                $"the connection from {context.Describe(source)} must name the outcome it follows, because that activity has several: {declared}",
                PointerPath.Append(path, "outcome"),
                connection.From);
        }
    }
}
