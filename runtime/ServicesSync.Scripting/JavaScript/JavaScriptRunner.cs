using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jint;
using Jint.Runtime;
using Microsoft.Extensions.Logging;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>JavaScript snippets in Jint: parsed once, run on pooled hardened engines, every limit on.</summary>
internal sealed class JavaScriptRunner(
    ScriptingOptions options,
    IScriptCrossReferences crossReferences,
    ILoggerFactory loggerFactory) : ISnippetRunner
{
    private readonly SnippetPreparer preparer = new();
    private readonly EnginePool pool = new(options);
    private readonly ScriptLimits limits = options.Limits.Clone();
    private readonly ILogger fallbackLogger = loggerFactory.CreateLogger("ServicesSync.Scripting");

    public string Language => ScriptLanguages.JavaScript;

    internal EnginePool Pool => pool;

    public IReadOnlyList<ExpressionDiagnostic> Check(SnippetKind kind, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return preparer.Get(kind, code).Diagnostics;
    }

    public ValueTask<JsonNode?> RunAsync(SnippetKind kind, string code, ExpressionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scope);
        var snippet = preparer.Get(kind, code);
        if (snippet.Program is null)
        {
            throw SnippetErrors.DoesNotCompile(Language, kind, scope, snippet.Diagnostics);
        }

        if (ScriptBudget.Current is { Remaining.Ticks: 0 } spent)
        {
            throw SnippetErrors.Stopped(Language, kind, scope, new ScriptBudgetExceededException(BudgetKind.BatchTime, $"exceeded the batch time budget of {spent.EffectiveTotal.TotalMilliseconds:0} ms"));
        }

        var log = new ScriptLog(scope.Logger ?? fallbackLogger, Language, scope);
        var engine = pool.Rent();
        var healthy = false;
        try
        {
            var result = engine.Run(snippet, scope, log, crossReferences, limits, cancellationToken);
            healthy = true;
            return ValueTask.FromResult(result);
        }
        catch (JavaScriptException ex)
        {
            // A script error leaves the engine consistent: Jint unwound it like any JS throw.
            healthy = true;
            var (line, column) = snippet.MapPosition(ex.Location.Start.Line, ex.Location.Start.Column);
            throw SnippetErrors.Faulted(Language, kind, scope, Describe(ex), line, column);
        }
        catch (Exception ex) when (Translate(ex) is { } budget)
        {
            throw SnippetErrors.Stopped(Language, kind, scope, budget);
        }
        catch (JsConversionException ex)
        {
            healthy = true;
            throw SnippetErrors.Faulted(Language, kind, scope, ex.Message, null, null);
        }
        catch (Exception ex) when (ex is not ServicesSyncException)
        {
            // An engine fault is not the user's to read (it may carry host details); the kind is enough.
            throw SnippetErrors.Faulted(Language, kind, scope, $"the JavaScript engine failed ({ex.GetType().Name})", null, null);
        }
        finally
        {
            if (healthy)
            {
                pool.Return(engine);
            }
            else
            {
                EnginePool.Discard(engine);
            }
        }
    }

    private ScriptBudgetExceededException? Translate(Exception ex) => ex switch
    {
        ScriptBudgetExceededException budget => budget,
        StatementsCountOverflowException => new(BudgetKind.Statements, $"exceeded its statement budget of {limits.MaxStatements}"),
        MemoryLimitExceededException => new(BudgetKind.Memory, $"exceeded its memory budget of {limits.MaxMemoryBytes} bytes"),
        RecursionDepthOverflowException or InsufficientExecutionStackException => new(BudgetKind.Recursion, $"exceeded its recursion limit of {limits.MaxRecursionDepth}"),
        RegexMatchTimeoutException => new(BudgetKind.Regex, $"ran a regular expression longer than its limit of {limits.RegexTimeout.TotalMilliseconds:0} ms"),
        OutOfMemoryException => new(BudgetKind.Memory, $"exceeded its memory budget of {limits.MaxMemoryBytes} bytes"),
        _ => null,
    };

    private static string Describe(JavaScriptException ex)
    {
        var error = ex.Error;
        if (error.IsObject())
        {
            var name = error.AsObject().Get("name");
            if (name.IsString() && !string.IsNullOrEmpty(name.AsString()))
            {
                return $"{name.AsString()}: {ex.Message}";
            }
        }

        return ex.Message;
    }
}
