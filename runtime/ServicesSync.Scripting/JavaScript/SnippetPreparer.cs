using System.Collections.Concurrent;
using Acornima;
using Jint;
using ServicesSync.Expressions;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// Parses each distinct snippet once and keeps the prepared program, keyed by kind and content.
/// A script is a function body; an expression is checked to be exactly one expression and then
/// returned from such a body. Strict mode is declared inside the wrapper so that strict-only
/// syntax errors are found at validation time, not at the first run.
/// </summary>
internal sealed class SnippetPreparer
{
    private const int Capacity = 8192;
    private const string Header = "(function (input, vars, ctx, log) { 'use strict';\n";
    private readonly ConcurrentDictionary<(SnippetKind, string), PreparedSnippet> cache = new();

    public PreparedSnippet Get(SnippetKind kind, string code)
    {
        if (cache.TryGetValue((kind, code), out var prepared))
        {
            return prepared;
        }

        if (cache.Count >= Capacity)
        {
            // Distinct snippets are few in practice; a full cache means churn, and a clean start is cheap.
            cache.Clear();
        }

        return cache.GetOrAdd((kind, code), static key => Prepare(key.Item1, key.Item2));
    }

    private static PreparedSnippet Prepare(SnippetKind kind, string code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return PreparedSnippet.Invalid(new ExpressionDiagnostic(kind == SnippetKind.Expression ? "The expression is empty." : "The script is empty."));
        }

        var lineCount = code.Count(c => c == '\n') + 1;
        if (kind == SnippetKind.Expression)
        {
            try
            {
                // Must be one expression, so that `1); doSomethingElse(` cannot break out of the wrapper.
                new Parser().ParseExpression(code);
            }
            catch (ParseErrorException ex)
            {
                return PreparedSnippet.Invalid(new ExpressionDiagnostic($"Not a single JavaScript expression: {ex.Description}", ex.LineNumber, ex.Column + 1));
            }
        }

        var (source, offset) = kind == SnippetKind.Expression
            ? (Header + "return (\n" + code + "\n);\n})", 2)
            : (Header + code + "\n})", 1);
        try
        {
            var program = Engine.PrepareScript(source, source: "snippet", strict: true);

            // Anything but the one function expression means the code closed the wrapper's braces
            // and would run statements at the top level of the engine.
            if (program.Program?.Body is not [Acornima.Ast.NonSpecialExpressionStatement { Expression: Acornima.Ast.FunctionExpression }])
            {
                return PreparedSnippet.Invalid(new ExpressionDiagnostic("The code closes more braces than it opens.", lineCount, 1));
            }

            return PreparedSnippet.Valid(program, offset, lineCount);
        }
        catch (ScriptPreparationException ex) when (ex.InnerException is ParseErrorException parse)
        {
            var line = parse.LineNumber - offset;
            return line >= 1 && line <= lineCount
                ? PreparedSnippet.Invalid(new ExpressionDiagnostic(parse.Description, line, parse.Column + 1))
                : PreparedSnippet.Invalid(new ExpressionDiagnostic($"{parse.Description} (check that every bracket and comment is closed)", Math.Clamp(line, 1, lineCount), 1));
        }
    }
}
