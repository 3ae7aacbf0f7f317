using Acornima.Ast;
using Jint;
using ServicesSync.Expressions;

namespace ServicesSync.Scripting.JavaScript;

/// <summary>
/// A snippet parsed once: the wrapped program every engine evaluates, or why it cannot be. The
/// wrapper puts the user's first line on line <see cref="LineOffset"/> + 1, so positions reported
/// by Jint are shifted back before they reach the user.
/// </summary>
internal sealed class PreparedSnippet
{
    private PreparedSnippet(Prepared<Script>? program, IReadOnlyList<ExpressionDiagnostic> diagnostics, int lineOffset, int lineCount)
    {
        Program = program;
        Diagnostics = diagnostics;
        LineOffset = lineOffset;
        LineCount = lineCount;
    }

    public Prepared<Script>? Program { get; }

    public IReadOnlyList<ExpressionDiagnostic> Diagnostics { get; }

    public int LineOffset { get; }

    public int LineCount { get; }

    public static PreparedSnippet Valid(Prepared<Script> program, int lineOffset, int lineCount) => new(program, [], lineOffset, lineCount);

    public static PreparedSnippet Invalid(params ExpressionDiagnostic[] diagnostics) => new(null, diagnostics, 0, 0);

    /// <summary>The user's line and column (1-based) of a 1-based line and 0-based column in the wrapped program, when it falls inside the user's code.</summary>
    public (int? Line, int? Column) MapPosition(int line, int column)
    {
        var userLine = line - LineOffset;
        return userLine >= 1 && userLine <= LineCount ? (userLine, column + 1) : (null, null);
    }
}
