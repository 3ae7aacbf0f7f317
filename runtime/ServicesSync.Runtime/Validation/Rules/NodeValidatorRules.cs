using ServicesSync.Activities;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// Runs the design-time checks activity types bring themselves (<see cref="IActivityNodeValidator"/>:
/// a script's syntax and allowlist, for example) and reports them at the input they concern.
/// </summary>
internal sealed class NodeValidatorRules(IEnumerable<IActivityNodeValidator> validators) : IValidationRule
{
    private readonly ILookup<string, IActivityNodeValidator> byType = validators.ToLookup(v => v.ActivityType, StringComparer.Ordinal);

    public void Check(ValidationContext context)
    {
        for (var i = 0; i < context.Activities.Count; i++)
        {
            var node = context.Activities[i];
            if (context.DescriptorOf(i) is null || !byType.Contains(node.Type))
            {
                continue;
            }

            foreach (var validator in byType[node.Type])
            {
                foreach (var problem in validator.Validate(node.Inputs))
                {
                    var where = problem.Line is { } line ? $" (line {line}" + (problem.Column is { } column ? $", column {column})" : ")") : "";
                    context.Error(
                        ProblemCodes.InputRejected,
                        $"input '{problem.Input}'{where}: {problem.Message}",
                        PointerPath.Append(PointerPath.Append(PointerPath.Activity(i), "inputs"), problem.Input),
                        node.Id);
                }
            }
        }
    }
}
