using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Execution.Compilation;
using ServicesSync.Expressions;

namespace ServicesSync.Execution.Inputs;

/// <summary>Turns a node's inputs into plain JSON for one execution by evaluating its expressions.</summary>
internal sealed class InputResolver(ExpressionEvaluators evaluators)
{
    public async ValueTask<JsonObject> ResolveAsync(ExecutableNode node, ExpressionScope scope, CancellationToken cancellationToken)
    {
        // Literal-only inputs are shared, read-only, by every execution: no copy per run.
        if (!node.HasExpressions)
        {
            return node.Node.Inputs;
        }

        var resolved = new JsonObject();
        foreach (var (name, value) in node.Node.Inputs)
        {
            if (!Expression.TryParse(value, out var expression))
            {
                resolved[name] = value?.DeepClone();
                continue;
            }

            if (!evaluators.TryGet(expression.Language, out var evaluator))
            {
                throw new ServicesSyncException(
                    $"Activity '{node.Id}': input '{name}' is a {expression.Language} expression, but no evaluator for that language is installed.",
                    ErrorKind.Configuration);
            }

            try
            {
                var result = await evaluator.EvaluateAsync(expression, scope, cancellationToken);
                resolved[name] = result?.Parent is null ? result : result.DeepClone();
            }
            catch (ServicesSyncException ex)
            {
                throw new ServicesSyncException(
                    $"Activity '{node.Id}': the {expression.Language} expression of input '{name}' failed: {ex.Message}",
                    ex.Kind,
                    ex.Retryable,
                    ex);
            }
        }

        return resolved;
    }
}
