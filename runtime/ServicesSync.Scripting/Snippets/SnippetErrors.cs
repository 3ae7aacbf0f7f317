using System.Text;
using ServicesSync.Errors;
using ServicesSync.Expressions;

namespace ServicesSync.Scripting.Snippets;

/// <summary>
/// Builds the errors a snippet can cause. Each names the workflow, the activity, the language and
/// the position in the user's code, and contains only text the user wrote or we wrote: never a
/// host path, a stack trace or an inner exception's message from the host.
/// </summary>
internal static class SnippetErrors
{
    public static ServicesSyncException DoesNotCompile(string language, SnippetKind kind, ExpressionScope scope, IReadOnlyList<ExpressionDiagnostic> diagnostics)
    {
        var text = new StringBuilder();
        text.Append(Who(scope)).Append(Describe(language, kind)).Append(" is invalid: ");
        for (var i = 0; i < diagnostics.Count && i < 5; i++)
        {
            if (i > 0)
            {
                text.Append("; ");
            }

            text.Append(Format(diagnostics[i]));
        }

        if (diagnostics.Count > 5)
        {
            text.Append("; and ").Append(diagnostics.Count - 5).Append(" more");
        }

        return new ServicesSyncException(text.ToString(), ErrorKind.Validation, retryable: false);
    }

    public static ServicesSyncException Faulted(string language, SnippetKind kind, ExpressionScope scope, string message, int? line, int? column)
        => new(
            $"{Who(scope)}{Describe(language, kind)} failed{At(line, column)}: {message}",
            ErrorKind.Permanent,
            retryable: false);

    /// <summary>Key in <see cref="Exception.Data"/> marking an error as a blown budget (the worker pool replaces the worker after one).</summary>
    public const string BudgetDataKey = "ServicesSync.Scripting.Budget";

    public static ServicesSyncException Stopped(string language, SnippetKind kind, ExpressionScope scope, ScriptBudgetExceededException budget, int? line = null, int? column = null)
    {
        var error = budget.Kind == BudgetKind.Cancelled
            ? new ServicesSyncException($"{Who(scope)}{Describe(language, kind)} was cancelled.", ErrorKind.Cancelled, retryable: false)
            : new ServicesSyncException(
                $"{Who(scope)}{Describe(language, kind)} {budget.Message}{At(line, column)}.",
                ErrorKind.Validation,
                retryable: false);
        error.Data[BudgetDataKey] = budget.Kind.ToString();
        return error;
    }

    public static ServicesSyncException WorkerEnded(string language, SnippetKind kind, ExpressionScope scope, int? exitCode)
        => new(
            $"{Who(scope)}{Describe(language, kind)} ended its worker process{(exitCode is { } code ? $" (exit code {code})" : "")}; the worker was replaced.",
            ErrorKind.Internal,
            retryable: false);

    public static string Format(ExpressionDiagnostic diagnostic)
        => diagnostic.Line is { } line
            ? $"line {line}, column {diagnostic.Column ?? 1}: {diagnostic.Message}"
            : diagnostic.Message;

    private static string At(int? line, int? column)
        => line is { } l ? $" at line {l}, column {column ?? 1}" : "";

    private static string Describe(string language, SnippetKind kind)
        => kind == SnippetKind.Expression ? $"the {language} expression" : $"the {language} script";

    private static string Who(ExpressionScope scope)
    {
        var workflow = string.IsNullOrEmpty(scope.WorkflowId) ? "" : $"Workflow '{scope.WorkflowId}'";
        var activity = string.IsNullOrEmpty(scope.ActivityId) ? "" : $"activity '{scope.ActivityId}'";
        return (workflow, activity) switch
        {
            ("", "") => "",
            (_, "") => workflow + ": ",
            ("", _) => "Activity" + activity[8..] + ": ",
            _ => $"{workflow}, {activity}: ",
        };
    }
}
