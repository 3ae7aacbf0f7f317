using System.Text.Json.Nodes;

namespace ServicesSync.Expressions;

/// <summary>
/// Evaluates expressions of one language. The runtime finds evaluators by
/// <see cref="Language"/>; JavaScript and C# plug in here.
/// </summary>
public interface IExpressionEvaluator
{
    /// <summary>Language name as written in definitions, e.g. <c>javascript</c>.</summary>
    string Language { get; }

    /// <summary>Checks an expression without running it (syntax, allowlist); empty when fine.</summary>
    IReadOnlyList<ExpressionDiagnostic> Check(Expression expression);

    ValueTask<JsonNode?> EvaluateAsync(Expression expression, ExpressionScope scope, CancellationToken cancellationToken);
}

/// <summary>A problem found in an expression, with its position in the code when known (1-based).</summary>
public sealed record ExpressionDiagnostic(string Message, int? Line = null, int? Column = null);
