namespace ServicesSync.Scripting.Snippets;

/// <summary>Which bound stopped an evaluation.</summary>
internal enum BudgetKind
{
    Time,
    BatchTime,
    Statements,
    Memory,
    Recursion,
    ArraySize,
    StringLength,
    ResultSize,
    Regex,
    Cancelled,
}
