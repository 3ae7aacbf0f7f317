namespace ServicesSync.Scripting.Snippets;

/// <summary>
/// Thrown inside an evaluation when a bound is reached. Never leaves the scripting layer: the
/// runners turn it into a <see cref="Errors.ServicesSyncException"/> that names the snippet.
/// </summary>
internal sealed class ScriptBudgetExceededException : Exception
{
    public ScriptBudgetExceededException(BudgetKind kind, string detail)
        : base(detail)
    {
        Kind = kind;
    }

    public ScriptBudgetExceededException()
        : this(BudgetKind.Time, "The script exceeded its budget.")
    {
    }

    public ScriptBudgetExceededException(string message)
        : this(BudgetKind.Time, message)
    {
    }

    public ScriptBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BudgetKind Kind { get; }
}
