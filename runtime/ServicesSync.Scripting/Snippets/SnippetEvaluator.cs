using System.Text.Json.Nodes;
using ServicesSync.Expressions;

namespace ServicesSync.Scripting.Snippets;

/// <summary>Plugs a language into the runtime's expression point: expressions are snippets of kind <see cref="SnippetKind.Expression"/>.</summary>
internal sealed class SnippetEvaluator(ISnippetRunner runner) : IExpressionEvaluator
{
    public string Language => runner.Language;

    public IReadOnlyList<ExpressionDiagnostic> Check(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return runner.Check(SnippetKind.Expression, expression.Code);
    }

    public ValueTask<JsonNode?> EvaluateAsync(Expression expression, ExpressionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return runner.RunAsync(SnippetKind.Expression, expression.Code, scope, cancellationToken);
    }
}
