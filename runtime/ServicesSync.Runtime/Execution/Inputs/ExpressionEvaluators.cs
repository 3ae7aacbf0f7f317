using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using ServicesSync.Expressions;

namespace ServicesSync.Execution.Inputs;

/// <summary>
/// The expression languages installed in this runtime. Literals need none: with no evaluator
/// registered, a definition may still use every input as a JSON literal, and an expression gets
/// a clear "no such language" error at validation time.
/// </summary>
internal sealed class ExpressionEvaluators(IEnumerable<IExpressionEvaluator> evaluators)
{
    private readonly FrozenDictionary<string, IExpressionEvaluator> byLanguage =
        evaluators.ToFrozenDictionary(e => e.Language, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Languages => byLanguage.Keys;

    public bool TryGet(string language, [NotNullWhen(true)] out IExpressionEvaluator? evaluator)
        => byLanguage.TryGetValue(language, out evaluator);
}
