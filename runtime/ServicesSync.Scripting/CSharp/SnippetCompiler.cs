using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using ServicesSync.Expressions;
using ServicesSync.Scripting.Snippets;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Compiles a C# snippet with <see cref="CSharpCompilation"/> (never the scripting API, whose
/// compile path leaks): wrap, parse, bind, check against the allowlist, instrument with guards,
/// emit a PE with its PDB embedded. Every problem comes back as a diagnostic in the user's lines.
/// </summary>
internal sealed class SnippetCompiler(CompilerReferences references, CSharpAllowlist allowlist)
{
    private static readonly EmitOptions EmitOptions = new(debugInformationFormat: DebugInformationFormat.Embedded);
    private int compilations;

    /// <summary>How many snippets were compiled (not loaded from a cache) by this instance.</summary>
    public int Compilations => Volatile.Read(ref compilations);

    public CompileOutcome Compile(SnippetKind kind, string code)
    {
        Interlocked.Increment(ref compilations);
        if (string.IsNullOrWhiteSpace(code))
        {
            return CompileOutcome.Invalid(new ExpressionDiagnostic(kind == SnippetKind.Expression ? "The expression is empty." : "The script is empty."));
        }

        if (kind == SnippetKind.Expression && NotOneExpression(code) is { } notExpression)
        {
            return CompileOutcome.Invalid(notExpression);
        }

        var (text, userSpan) = SnippetSource.Build(kind, code);
        var tree = CSharpSyntaxTree.ParseText(text, CompilerReferences.ParseOptions);
        var root = tree.GetCompilationUnitRoot();
        if (!StaysInsideMethod(root, userSpan))
        {
            var lines = code.Count(c => c == '\n') + 1;
            return CompileOutcome.Invalid(new ExpressionDiagnostic("The code closes more braces than it opens.", lines, 1));
        }

        var walker = new AllowlistWalker(allowlist, userSpan);
        var syntaxProblems = walker.CheckSyntax(root);
        if (syntaxProblems.Count > 0)
        {
            return CompileOutcome.Invalid([.. syntaxProblems]);
        }

        var compilation = references.Template.AddSyntaxTrees(tree);
        var model = compilation.GetSemanticModel(tree);
        var errors = model.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => ToDiagnostic(d, code))
            .Distinct()
            .Take(20)
            .ToArray();
        if (errors.Length > 0)
        {
            return CompileOutcome.Invalid(errors);
        }

        var problems = walker.CheckSemantics(root, model);
        if (problems.Count > 0)
        {
            return CompileOutcome.Invalid(problems);
        }

        // The instrumented tree is compiled as built (not re-parsed), so the annotations that tie
        // its statements to the user's columns survive into the position map.
        var instrumented = (CSharpSyntaxNode)new GuardRewriter(model, userSpan).Visit(root)!;
        var emitTree = CSharpSyntaxTree.Create(instrumented, CompilerReferences.ParseOptions);
        var positions = PositionMap.Build(tree, emitTree);
        using var pe = new MemoryStream();
        var result = references.Template.AddSyntaxTrees(emitTree).Emit(
            pe,
            options: EmitOptions,
            manifestResources: [new ResourceDescription(PositionMap.ResourceName, () => new MemoryStream(positions), isPublic: true)]);
        if (!result.Success)
        {
            // The instrumentation produced code the compiler refuses: our bug, not the user's.
            var first = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            return CompileOutcome.Invalid(new ExpressionDiagnostic($"The snippet could not be instrumented ({first.Id}); please report this snippet."));
        }

        return new CompileOutcome(pe.ToArray(), []);
    }

    private static ExpressionDiagnostic? NotOneExpression(string code)
    {
        var expression = SyntaxFactory.ParseExpression(code, options: CompilerReferences.ParseOptions, consumeFullText: true);
        var error = expression.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (error is null)
        {
            return null;
        }

        var position = SourceText.From(code).Lines.GetLinePosition(Math.Min(error.Location.SourceSpan.Start, code.Length));
        return new ExpressionDiagnostic(
            $"Not a single C# expression: {error.GetMessage(CultureInfo.InvariantCulture)}",
            position.Line + 1,
            position.Character + 1);
    }

    /// <summary>The wrapper must still be one namespace, one class, one method holding all of the user's code.</summary>
    private static bool StaysInsideMethod(CompilationUnitSyntax root, TextSpan userSpan)
    {
        var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().ToArray();
        return members is [BaseNamespaceDeclarationSyntax, ClassDeclarationSyntax, MethodDeclarationSyntax { Body: { } body }]
            && body.Span.Contains(userSpan);
    }

    private static ExpressionDiagnostic ToDiagnostic(Diagnostic diagnostic, string code)
    {
        var message = $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        if (diagnostic.Id is "CS1069" or "CS0246" or "CS0234" or "CS0012" or "CS0103")
        {
            message += " (snippets can use only allowlisted types; see docs/scripting.md)";
        }

        var span = diagnostic.Location.GetMappedLineSpan();
        if (span.HasMappedPath && span.Path == SnippetSource.FileName)
        {
            return new ExpressionDiagnostic(message, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
        }

        // In the wrapper (a missing ';' or ')' at the end of the user's code): point at its last line.
        return new ExpressionDiagnostic(message, code.Count(c => c == '\n') + 1, 1);
    }
}
