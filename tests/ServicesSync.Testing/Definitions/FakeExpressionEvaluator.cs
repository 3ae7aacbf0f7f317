using System.Text.Json.Nodes;
using ServicesSync.Expressions;

namespace ServicesSync.Testing.Definitions;

/// <summary>
/// An expression language for tests. Its check flags every <c>ERR</c> in the code at its 1-based
/// line and column, and throws on <c>CRASH</c> (a broken plug-in); evaluating returns the code as a string.
/// </summary>
public sealed class FakeExpressionEvaluator(string language = FakeExpressionEvaluator.DefaultLanguage) : IExpressionEvaluator
{
    public const string DefaultLanguage = "fake";
    public const string ErrorMarker = "ERR";
    public const string CrashMarker = "CRASH";

    public string Language { get; } = language;

    public IReadOnlyList<ExpressionDiagnostic> Check(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Code.Contains(CrashMarker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("checker crashed");
        }

        var diagnostics = new List<ExpressionDiagnostic>();
        var lines = expression.Code.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            for (var at = lines[line].IndexOf(ErrorMarker, StringComparison.Ordinal); at >= 0; at = lines[line].IndexOf(ErrorMarker, at + 1, StringComparison.Ordinal))
            {
                diagnostics.Add(new ExpressionDiagnostic("'ERR' is not allowed here", line + 1, at + 1));
            }
        }

        return diagnostics;
    }

    public ValueTask<JsonNode?> EvaluateAsync(Expression expression, ExpressionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return ValueTask.FromResult<JsonNode?>(JsonValue.Create(expression.Code));
    }
}
