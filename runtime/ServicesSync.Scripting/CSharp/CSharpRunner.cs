using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ServicesSync.Expressions;
using ServicesSync.Scripting.CrossReferences;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// C# snippets compiled by Roslyn into collectible load contexts, cached by content, checked
/// against the allowlist and instrumented with guards. A snippet runs synchronously on the calling
/// thread with its budget installed for <see cref="Guard"/>; its result is converted to JSON
/// while that budget is still in force (lazy sequences run snippet code during conversion).
/// </summary>
internal sealed class CSharpRunner : ISnippetRunner
{
    private readonly ScriptLimits limits;
    private readonly IScriptCrossReferences crossReferences;
    private readonly Dictionary<Type, System.Text.Json.JsonSerializerOptions> modelTypes;
    private readonly ILogger fallbackLogger;

    public CSharpRunner(ScriptingOptions options, IScriptCrossReferences crossReferences, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        limits = options.Limits.Clone();
        modelTypes = new Dictionary<Type, System.Text.Json.JsonSerializerOptions>(options.CSharpResultSerializers);
        this.crossReferences = crossReferences;
        fallbackLogger = loggerFactory.CreateLogger("ServicesSync.Scripting");
        var allowlist = new CSharpAllowlist(options.ExtraCSharpTypes);
        Compiler = new SnippetCompiler(new CompilerReferences(allowlist), allowlist);
        Cache = new CompiledSnippetCache(Compiler, allowlist, options, fallbackLogger);
    }

    public string Language => ScriptLanguages.CSharp;

    internal SnippetCompiler Compiler { get; }

    internal CompiledSnippetCache Cache { get; }

    /// <summary>Compiles (or loads) the snippet: a bad one is rejected here, at validation or publication, with positions.</summary>
    public IReadOnlyList<ExpressionDiagnostic> Check(SnippetKind kind, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Cache.Get(kind, code).Diagnostics;
    }

    public ValueTask<JsonNode?> RunAsync(SnippetKind kind, string code, ExpressionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(scope);
        var entry = Cache.Get(kind, code);
        if (entry.Snippet is not { } snippet)
        {
            throw SnippetErrors.DoesNotCompile(Language, kind, scope, entry.Diagnostics);
        }

        var deadline = CallDeadline.Start(limits);
        if (deadline.Remaining <= TimeSpan.Zero)
        {
            throw SnippetErrors.Stopped(Language, kind, scope, deadline.Exceeded());
        }

        var state = new GuardState(limits, deadline, cancellationToken);
        var log = new ScriptLog(scope.Logger ?? fallbackLogger, Language, scope);
        var context = new ScriptContext(scope.WorkflowId, scope.InstanceId, scope.ActivityId, scope.Clock.GetUtcNow(), log, crossReferences);
        var globals = new ScriptGlobals(scope.Input, new ScriptVariableDictionary(scope.Variables), context);
        var previous = Guard.Install(state);
        try
        {
            var result = snippet.Run(globals);
            return ValueTask.FromResult(new ResultConverter(limits, modelTypes, state).Convert(result));
        }
        catch (Exception ex) when (state.Blown is { } blown)
        {
            // Whatever surfaced last (a finally block may throw over it), the stop is the story.
            var (line, column) = snippet.PositionOf(ex);
            throw SnippetErrors.Stopped(Language, kind, scope, blown, line, column);
        }
        catch (ScriptBudgetExceededException ex)
        {
            throw SnippetErrors.Stopped(Language, kind, scope, ex);
        }
        catch (Exception ex) when (Translate(ex) is { } budget)
        {
            var (line, column) = snippet.PositionOf(ex);
            throw SnippetErrors.Stopped(Language, kind, scope, budget, line, column);
        }
        catch (ResultConversionException ex)
        {
            throw SnippetErrors.Faulted(Language, kind, scope, ex.Message, null, null);
        }
        catch (Exception ex)
        {
            var (line, column) = snippet.PositionOf(ex);
            throw SnippetErrors.Faulted(Language, kind, scope, $"{ex.GetType().Name}: {ex.Message}", line, column);
        }
        finally
        {
            Guard.Install(previous);
        }
    }

    private ScriptBudgetExceededException? Translate(Exception ex) => ex switch
    {
        OutOfMemoryException => new(BudgetKind.Memory, $"exceeded its memory budget of {limits.MaxMemoryBytes} bytes"),
        InsufficientExecutionStackException => new(BudgetKind.Recursion, $"exceeded its recursion limit of {limits.MaxRecursionDepth}"),
        // Snippet StringBuilders are created with the string limit as their maximum capacity.
        ArgumentOutOfRangeException when ex.StackTrace?.Contains("System.Text.StringBuilder", StringComparison.Ordinal) == true
            => new(BudgetKind.StringLength, $"grew a StringBuilder past its limit of {limits.MaxStringLength} characters (Limits.MaxStringLength)"),
        RegexMatchTimeoutException => new(BudgetKind.Regex, $"ran a regular expression longer than its limit of {limits.RegexTimeout.TotalMilliseconds:0} ms"),
        _ => null,
    };
}
