using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Expressions;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Activities;

/// <summary>
/// Checks a <c>core.script</c> node when a workflow is validated or published: the language is one
/// that is installed and the code parses, compiles and stays inside the allowlist. Problems carry
/// the line and column inside the code. C# is compiled here, so the first run finds it cached.
/// </summary>
internal sealed class ScriptNodeValidator(ScriptRunners runners) : IActivityNodeValidator
{
    public string ActivityType => ScriptActivityTypes.Script;

    public IEnumerable<ActivityInputProblem> Validate(JsonObject inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var language = inputs["language"];
        var code = inputs["code"];
        if (Expression.IsExpression(language))
        {
            yield return new ActivityInputProblem("language", "must be a literal: the language is needed when the workflow is published.");
            yield break;
        }

        if (Expression.IsExpression(code))
        {
            yield return new ActivityInputProblem("code", "must be literal code: it is checked and compiled when the workflow is published.");
            yield break;
        }

        if (language is null || code is null)
        {
            // Missing required inputs are reported by the descriptor checks.
            yield break;
        }

        if (language is not JsonValue languageValue || !languageValue.TryGetValue(out string? name) || !runners.TryGetChecker(name, out var checker))
        {
            yield return new ActivityInputProblem("language", $"must be one of {string.Join(", ", runners.Languages.Order())}.");
            yield break;
        }

        if (code is not JsonValue codeValue || !codeValue.TryGetValue(out string? text))
        {
            yield return new ActivityInputProblem("code", "must be a string.");
            yield break;
        }

        foreach (var diagnostic in checker.Check(SnippetKind.Script, text))
        {
            yield return new ActivityInputProblem("code", diagnostic.Message, diagnostic.Line, diagnostic.Column);
        }
    }
}
