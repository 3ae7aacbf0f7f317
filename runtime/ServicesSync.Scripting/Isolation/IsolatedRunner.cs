using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Expressions;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.Isolation;

/// <summary>
/// Runs snippets of one language in the worker pool. Checking stays local (it compiles, never
/// runs), and a snippet that does not check is refused before it costs a round trip.
/// </summary>
internal sealed class IsolatedRunner(ISnippetRunner local, WorkerPool pool, ScriptingOptions options) : ISnippetRunner
{
    private readonly ScriptLimits limits = options.Limits.Clone();

    public string Language => local.Language;

    public IReadOnlyList<ExpressionDiagnostic> Check(SnippetKind kind, string code) => local.Check(kind, code);

    public async ValueTask<JsonNode?> RunAsync(SnippetKind kind, string code, ExpressionScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var diagnostics = local.Check(kind, code);
        if (diagnostics.Count > 0)
        {
            throw SnippetErrors.DoesNotCompile(Language, kind, scope, diagnostics);
        }

        // The deadline starts once a worker is in hand (waiting for one is not the script's time).
        WorkerRequest Request(CallDeadline deadline) => new(
            pool.NextRequestId(),
            Language,
            kind,
            code,
            scope.Input,
            scope.Variables.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal),
            scope.WorkflowId,
            scope.InstanceId,
            scope.ActivityId,
            scope.Clock.GetUtcNow(),
            Math.Max(1, deadline.Remaining.TotalMilliseconds),
            deadline.IsBatch ? deadline.Budget.TotalMilliseconds : null);
        var outcome = await pool.RunAsync(Request, limits, cancellationToken);
        if (outcome.Response is not { } response)
        {
            throw outcome.TimedOut
                ? SnippetErrors.Stopped(Language, kind, scope, outcome.Deadline.Exceeded())
                : SnippetErrors.WorkerEnded(Language, kind, scope, outcome.ExitCode);
        }

        var log = new ScriptLog(scope.Logger, Language, scope);
        foreach (var entry in response.Logs)
        {
            log.Write(entry.Level, entry.Message);
        }

        if (response.Error is { } error)
        {
            var exception = new ServicesSyncException(error.Message, error.Kind, error.Retryable);
            if (error.Budget is not null)
            {
                exception.Data[SnippetErrors.BudgetDataKey] = error.Budget;
            }

            throw exception;
        }

        return response.Value;
    }
}
