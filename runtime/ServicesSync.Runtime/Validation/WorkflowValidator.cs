using System.Collections.Frozen;
using ServicesSync.Definitions;
using ServicesSync.Expressions;
using ServicesSync.Registry;
using ServicesSync.Validation.Rules;

namespace ServicesSync.Validation;

/// <summary>
/// Runs every rule family over a definition and returns all their problems together, ordered by
/// path so that each activity's problems sit side by side.
/// </summary>
internal sealed class WorkflowValidator : IWorkflowValidator
{
    private static readonly IValidationRule[] Rules =
    [
        new ActivityRules(),
        new InputRules(),
        new ExpressionRules(),
        new RetryRules(),
        new ConnectionRules(),
        new GraphRules(),
        new ForEachRules(),
        new JoinRules(),
        new LayoutRules(),
    ];

    private readonly IActivityRegistry registry;
    private readonly FrozenDictionary<string, IExpressionEvaluator> evaluators;

    public WorkflowValidator(IActivityRegistry registry, IEnumerable<IExpressionEvaluator> evaluators)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(evaluators);
        this.registry = registry;
        // First registration wins, as with any other keyed service.
        this.evaluators = evaluators
            .GroupBy(e => e.Language, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<ValidationProblem> Validate(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var context = new ValidationContext(definition, registry, evaluators);
        foreach (var rule in Rules)
        {
            rule.Check(context);
        }

        return context.Problems.OrderBy(p => p.Path, PointerPath.Comparer).ToArray();
    }
}
