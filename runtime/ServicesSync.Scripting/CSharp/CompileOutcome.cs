using ServicesSync.Expressions;

namespace ServicesSync.Scripting.CSharp;

/// <summary>An emitted snippet assembly (PE with embedded PDB), or why there is none.</summary>
internal sealed record CompileOutcome(byte[]? Assembly, IReadOnlyList<ExpressionDiagnostic> Diagnostics)
{
    public static CompileOutcome Invalid(params ExpressionDiagnostic[] diagnostics) => new(null, diagnostics);

    public static CompileOutcome Invalid(IReadOnlyList<ExpressionDiagnostic> diagnostics) => new(null, diagnostics);
}
