using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ServicesSync.Expressions;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Walks every node of the user's code and checks what it means through the semantic model:
/// each symbol it binds to, each type an expression has, each local and parameter it declares.
/// Constructs that are dangerous whatever the types (unsafe code, goto, locks, attributes, async,
/// query syntax whose implicit lambdas the guard cannot instrument) are rejected by syntax.
/// </summary>
internal sealed class AllowlistWalker(CSharpAllowlist allowlist, TextSpan userSpan)
{
    private SemanticModel model = null!;
    private const int MaxProblems = 20;
    private readonly List<ExpressionDiagnostic> problems = [];
    private readonly HashSet<string> reported = new(StringComparer.Ordinal);
    private readonly Dictionary<ITypeSymbol, string?> typeVerdicts = new(SymbolEqualityComparer.Default);

    /// <summary>What is wrong whatever it means: run before binding, so the user reads our reason, not the compiler's.</summary>
    public IReadOnlyList<ExpressionDiagnostic> CheckSyntax(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsDirective && userSpan.Contains(trivia.SpanStart))
            {
                Report(trivia.GetLocation(), "Preprocessor directives (#r, #load, #if, #pragma...) are not allowed in snippets.");
            }
        }

        foreach (var token in root.DescendantTokens())
        {
            if (userSpan.Contains(token.SpanStart) && ForbiddenKeyword(token) is { } message)
            {
                Report(token.GetLocation(), message);
            }
        }

        foreach (var node in root.DescendantNodes())
        {
            if (userSpan.Contains(node.SpanStart))
            {
                CheckConstruct(node);
            }
        }

        return problems;
    }

    /// <summary>What the code binds to, on a compilation without errors.</summary>
    public IReadOnlyList<ExpressionDiagnostic> CheckSemantics(SyntaxNode root, SemanticModel semanticModel)
    {
        model = semanticModel;
        foreach (var node in root.DescendantNodes())
        {
            if (problems.Count >= MaxProblems)
            {
                break;
            }

            if (userSpan.Contains(node.SpanStart))
            {
                CheckMeaning(node);
            }
        }

        return problems;
    }

    private static string? ForbiddenKeyword(SyntaxToken token) => token.Kind() switch
    {
        SyntaxKind.UnsafeKeyword or SyntaxKind.FixedKeyword or SyntaxKind.StackAllocKeyword => $"'{token.Text}' is not allowed in snippets (unsafe code).",
        SyntaxKind.ExternKeyword => "'extern' is not allowed in snippets (native code).",
        SyntaxKind.GotoKeyword => "'goto' is not allowed in snippets; use a loop.",
        SyntaxKind.LockKeyword => "'lock' is not allowed in snippets (snippets are single-threaded).",
        SyntaxKind.VolatileKeyword => "'volatile' is not allowed in snippets.",
        SyntaxKind.ArgListKeyword or SyntaxKind.MakeRefKeyword or SyntaxKind.RefTypeKeyword or SyntaxKind.RefValueKeyword
            => $"'{token.Text}' is not allowed in snippets (unsafe code).",
        SyntaxKind.TypeOfKeyword => "'typeof' is not allowed in snippets (reflection).",
        _ => null,
    };

    private void CheckConstruct(SyntaxNode node)
    {
        switch (node)
        {
            case AttributeListSyntax:
                Report(node.GetLocation(), "Attributes are not allowed in snippets.");
                break;
            case QueryExpressionSyntax:
                Report(node.GetLocation(), "Query syntax is not supported in snippets; use method syntax (Select, Where, ...).");
                break;
            case AwaitExpressionSyntax:
                Report(node.GetLocation(), "'await' is not allowed in snippets; snippets are synchronous.");
                break;
            case LocalFunctionStatementSyntax local when local.Modifiers.Any(SyntaxKind.AsyncKeyword):
                Report(local.Identifier.GetLocation(), "'async' is not allowed in snippets; snippets are synchronous.");
                break;
            case AnonymousFunctionExpressionSyntax lambda when lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword):
                Report(lambda.AsyncKeyword.GetLocation(), "'async' is not allowed in snippets; snippets are synchronous.");
                break;
        }
    }

    private void CheckMeaning(SyntaxNode node)
    {
        switch (node)
        {
            case InterpolationAlignmentClauseSyntax alignment
                when model.GetConstantValue(alignment.Value) is { HasValue: true, Value: int width } && Math.Abs((long)width) > Guard.FormatWidthLimit:
                Report(alignment.GetLocation(), $"The interpolation alignment {width} is wider than the format width limit of {Guard.FormatWidthLimit}.");
                break;
            case InterpolationFormatClauseSyntax format when Guard.LargestNumber(format.FormatStringToken.ValueText) > Guard.FormatWidthLimit:
                Report(format.GetLocation(), $"The interpolation format '{format.FormatStringToken.ValueText}' asks for more than the format width limit of {Guard.FormatWidthLimit}.");
                break;
            case ExpressionSyntax or TypeSyntax:
                var info = model.GetSymbolInfo(node);
                CheckSymbol(info.Symbol, node);
                if (node is ExpressionSyntax)
                {
                    var type = model.GetTypeInfo(node);
                    CheckType(type.Type, node);
                    CheckType(type.ConvertedType, node);
                }

                if (node is AssignmentExpressionSyntax assignment
                    && model.GetSymbolInfo(assignment.Left).Symbol is { IsStatic: true } target and (IFieldSymbol or IPropertySymbol)
                    && target.ContainingType is not null)
                {
                    Report(assignment.Left.GetLocation(), $"'{Display(target)}' is not allowed in snippets (it changes state shared by every run).");
                }

                break;
            case VariableDeclaratorSyntax or SingleVariableDesignationSyntax or ParameterSyntax or LocalFunctionStatementSyntax
                or ForEachStatementSyntax or CatchDeclarationSyntax or AnonymousObjectMemberDeclaratorSyntax:
                CheckSymbol(model.GetDeclaredSymbol(node), node);
                break;
        }
    }

    private void CheckSymbol(ISymbol? symbol, SyntaxNode node)
    {
        switch (symbol)
        {
            case null or INamespaceSymbol or ILabelSymbol or IDiscardSymbol:
                return;
            case ITypeSymbol type:
                CheckType(type, node);
                return;
            case ILocalSymbol local:
                CheckType(local.Type, node);
                return;
            case IParameterSymbol parameter:
                CheckType(parameter.Type, node);
                return;
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction } function:
                CheckType(function.ReturnType, node);
                return;
            case IMethodSymbol method:
                var definition = method.ReducedFrom ?? method;
                CheckMember(definition, node);
                foreach (var argument in method.TypeArguments)
                {
                    CheckType(argument, node);
                    if (definition.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Nodes" && !CSharpAllowlist.IsJsonPrimitive(argument))
                    {
                        Report(node.GetLocation(), $"'{Display(method)}' is not allowed in snippets with type '{argument.ToDisplayString()}': JSON nodes hold only strings, numbers, booleans, dates and nodes.");
                    }
                }

                return;
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                CheckMember(symbol, node);
                return;
            default:
                Report(node.GetLocation(), $"'{Display(symbol)}' is not allowed in snippets.");
                return;
        }
    }

    private void CheckMember(ISymbol member, SyntaxNode node)
    {
        if (member.ContainingType is { } container)
        {
            if (TypeVerdict(container) is { } why)
            {
                Report(node.GetLocation(), $"'{Display(member)}' is not allowed in snippets ({why}).");
                return;
            }

            if (CSharpAllowlist.DeniedReason(member) is { } reason)
            {
                Report(node.GetLocation(), $"'{Display(member)}' is not allowed in snippets ({reason}).");
            }
        }
    }

    private void CheckType(ITypeSymbol? type, SyntaxNode node)
    {
        if (type is not null && TypeVerdict(type) is { } why)
        {
            Report(node.GetLocation(), $"'{type.ToDisplayString()}' is not allowed in snippets ({why}).");
        }
    }

    /// <summary>Null when the type may be used, otherwise why not.</summary>
    private string? TypeVerdict(ITypeSymbol type)
    {
        if (typeVerdicts.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var verdict = type switch
        {
            IErrorTypeSymbol or ITypeParameterSymbol => null,
            { TypeKind: TypeKind.Dynamic } => "'dynamic' bypasses every compile-time check",
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => "pointers are unsafe code",
            IArrayTypeSymbol array => TypeVerdict(array.ElementType),
            INamedTypeSymbol { IsAnonymousType: true } => null,
            INamedTypeSymbol { IsTupleType: true } tuple => tuple.TupleElements.Select(e => TypeVerdict(e.Type)).FirstOrDefault(v => v is not null),
            INamedTypeSymbol { TypeKind: TypeKind.Delegate, IsImplicitlyDeclared: true } => null,
            INamedTypeSymbol named when !allowlist.IsAllowedType(named) => $"type '{CSharpAllowlist.MetadataName(named.OriginalDefinition).Replace('+', '.')}' is not on the snippet allowlist",
            INamedTypeSymbol named => named.TypeArguments.Select(TypeVerdict).FirstOrDefault(v => v is not null),
            _ => "this kind of type is not supported",
        };
        typeVerdicts[type] = verdict;
        return verdict;
    }

    private void Report(Location location, string message)
    {
        var span = location.GetMappedLineSpan();
        var line = span.StartLinePosition.Line + 1;
        // One report per offending symbol: the first place it is used is enough to find it.
        if (problems.Count < MaxProblems && reported.Add(message))
        {
            problems.Add(new ExpressionDiagnostic(message, line, span.StartLinePosition.Character + 1));
        }
    }

    private static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
