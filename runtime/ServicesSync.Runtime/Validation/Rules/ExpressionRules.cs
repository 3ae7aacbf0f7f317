using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Expressions;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// Expressions sit only on inputs that accept them, are well formed, name an installed language,
/// and pass that language's own check (syntax, allowlist) without being run.
/// </summary>
internal sealed class ExpressionRules : IValidationRule
{
    private const string ExpectedShape = "{ \"expression\": { \"language\": \"javascript\", \"code\": \"…\" } }";

    public void Check(ValidationContext context)
    {
        for (var i = 0; i < context.Activities.Count; i++)
        {
            if (context.DescriptorOf(i) is not { } descriptor)
            {
                continue;
            }

            var node = context.Activities[i];
            foreach (var (name, value) in node.Inputs)
            {
                if (value is null || !InputRules.HasExpressionKey(value) || descriptor.FindInput(name) is not { } input)
                {
                    continue;
                }

                CheckExpression(context, node.Id, input, value, PointerPath.Append(PointerPath.Append(PointerPath.Activity(i), "inputs"), name));
            }
        }
    }

    private static void CheckExpression(ValidationContext context, string activityId, InputDescriptor input, JsonNode value, string path)
    {
        if (value.AsObject().Count > 1)
        {
            context.Error(
                ProblemCodes.MalformedExpression,
                $"input '{input.Name}' has an 'expression' property beside other properties; an expression is written {ExpectedShape} and nothing else",
                path,
                activityId);
            return;
        }

        if (!input.ExpressionCapable)
        {
            context.Error(
                ProblemCodes.ExpressionNotAllowed,
                $"input '{input.Name}' must be a fixed value, not an expression: it has to be known before a run starts",
                path,
                activityId);
            return;
        }

        if (!Expression.TryParse(value, out var expression))
        {
            context.Error(
                ProblemCodes.MalformedExpression,
                $"the expression of input '{input.Name}' is malformed; write it as {ExpectedShape}",
                PointerPath.Append(path, Expression.PropertyName),
                activityId);
            return;
        }

        var expressionPath = PointerPath.Append(path, Expression.PropertyName);
        if (!context.Evaluators.TryGetValue(expression.Language, out var evaluator))
        {
            var available = context.Evaluators.Count == 0 ? "none" : string.Join(", ", context.Evaluators.Keys.Order(StringComparer.Ordinal));
            context.Error(
                ProblemCodes.UnknownExpressionLanguage,
                $"no expression language '{expression.Language}' is installed; available: {available}",
                PointerPath.Append(expressionPath, "language"),
                activityId);
            return;
        }

        foreach (var diagnostic in CheckSafely(evaluator, expression))
        {
            var where = diagnostic.Line is { } line
                ? diagnostic.Column is { } column ? $" at line {line}, column {column}" : $" at line {line}"
                : "";
            context.Error(
                ProblemCodes.ExpressionError,
                $"the {expression.Language} expression of input '{input.Name}' has a problem{where}: {diagnostic.Message}",
                PointerPath.Append(expressionPath, "code"),
                activityId);
        }
    }

    // A language plug-in that crashes on odd code must not take validation down with it: the
    // user still learns that this expression is the one to look at.
    private static IReadOnlyList<ExpressionDiagnostic> CheckSafely(IExpressionEvaluator evaluator, Expression expression)
    {
        try
        {
            return evaluator.Check(expression);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return [new ExpressionDiagnostic($"the {evaluator.Language} checker failed on it ({ex.Message})")];
        }
    }
}
