using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Instruments checked code before it is emitted: a <see cref="Guard.Tick"/> at the top of every
/// loop body, <see cref="Guard.EnterFunction"/>/<see cref="Guard.ExitFunction"/> around every
/// lambda, anonymous method and local function, <see cref="Guard.Size(int)"/> around every array
/// size and every size-like argument, a timeout on every Regex the snippet creates, and a
/// <see cref="Guard.CanCatch"/> filter on every catch, and measured string building
/// (GuardRewriter.Strings.cs). Nothing inserted contains a line break, so the user's line numbers
/// survive for runtime error positions.
/// </summary>
internal sealed partial class GuardRewriter(SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan userSpan) : CSharpSyntaxRewriter
{
    /// <summary>Marks a node of the instrumented tree with where it (or what it guards) began in the user's code.</summary>
    public const string PositionAnnotation = "servicessync-position";

    private const string G = "global::ServicesSync.Scripting.CSharp.Guard";
    private static readonly HashSet<string> RegexEntryPoints = [".ctor", "IsMatch", "Match", "Matches", "Replace", "Split", "Count", "EnumerateMatches", "EnumerateSplits"];

    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        var visited = base.Visit(node);
        return node is StatementSyntax or ExpressionSyntax && visited is not null && userSpan.Contains(node.SpanStart)
            ? visited.WithAdditionalAnnotations(Position(node))
            : visited;
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(WithTick(visited.Statement, node));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(WithTick(visited.Statement, node));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(WithTick(visited.Statement, node));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(WithTick(visited.Statement, node));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(WithTick(visited.Statement, node));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var returnsVoid = ReturnsVoid(model.GetSymbolInfo(node).Symbol);
        var visited = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        var trailing = visited.GetTrailingTrivia();
        visited = visited.WithoutTrailingTrivia();
        return visited.WithExpressionBody(null).WithBlock(Instrument(visited.Block, visited.ExpressionBody, returnsVoid, node)).WithTrailingTrivia(trailing);
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var returnsVoid = ReturnsVoid(model.GetSymbolInfo(node).Symbol);
        var visited = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        var trailing = visited.GetTrailingTrivia();
        visited = visited.WithoutTrailingTrivia();
        return visited.WithExpressionBody(null).WithBlock(Instrument(visited.Block, visited.ExpressionBody, returnsVoid, node)).WithTrailingTrivia(trailing);
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        var trailing = visited.GetTrailingTrivia();
        visited = visited.WithoutTrailingTrivia();
        return visited.WithBlock(Instrument(visited.Block, null, returnsVoid: true, node)).WithTrailingTrivia(trailing);
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var returnsVoid = ReturnsVoid(model.GetDeclaredSymbol(node));
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;

        // The trailing trivia (the line break after '}' or ';') moves to the new body, so the
        // user's following lines keep their numbers.
        var trailing = visited.GetTrailingTrivia();
        visited = visited.WithoutTrailingTrivia();
        return visited
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(Instrument(visited.Body, visited.ExpressionBody?.Expression, returnsVoid, node))
            .WithTrailingTrivia(trailing);
    }

    public override SyntaxNode? VisitCatchClause(CatchClauseSyntax node)
    {
        var visited = (CatchClauseSyntax)base.VisitCatchClause(node)!;
        var canCatch = ParseExpression($"{G}.CanCatch()");
        var condition = visited.Filter is null
            ? canCatch
            : BinaryExpression(SyntaxKind.LogicalAndExpression, canCatch, ParenthesizedExpression(visited.Filter.FilterExpression));
        var filter = CatchFilterClause(
            Token(SyntaxKind.WhenKeyword).WithLeadingTrivia(Space).WithTrailingTrivia(Space),
            Token(SyntaxKind.OpenParenToken),
            condition,
            Token(SyntaxKind.CloseParenToken));
        return visited.WithFilter(filter);
    }

    public override SyntaxNode? VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
    {
        var visited = (ArrayRankSpecifierSyntax)base.VisitArrayRankSpecifier(node)!;
        if (node.Parent?.Parent is not ArrayCreationExpressionSyntax)
        {
            return visited;
        }

        return visited.WithSizes(SeparatedList(
            visited.Sizes.Select(size => size is OmittedArraySizeExpressionSyntax ? size : SizeGuard(size)),
            visited.Sizes.GetSeparators()));
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        if (method is null)
        {
            return visited;
        }

        visited = visited.WithArgumentList(Arguments(method, node.ArgumentList, visited.ArgumentList));
        if (IsLinq(method) && method.ReducedFrom is not null && node.Expression is MemberAccessExpressionSyntax { Expression: var receiver } && visited.Expression is MemberAccessExpressionSyntax access
            && HasOneSequenceType(model.GetTypeInfo(receiver).Type))
        {
            visited = visited.WithExpression(access.WithExpression(Each(access.Expression)));
        }

        return GrowingStringCall(method, node, visited) ?? visited;
    }

    private static bool IsLinq(IMethodSymbol method)
        => (method.ReducedFrom ?? method).ContainingType?.ToDisplayString() == "System.Linq.Enumerable";

    /// <summary>True when a type is (or implements) exactly one IEnumerable&lt;T&gt;, so Guard.Each infers the same T.</summary>
    private static bool HasOneSequenceType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType == SpecialType.System_String)
        {
            return false;
        }

        bool IsSequence(ITypeSymbol t) => t is INamedTypeSymbol { IsGenericType: true } named
            && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T;
        return (IsSequence(type) ? 1 : 0) + type.AllInterfaces.Count(IsSequence) == 1;
    }

    private static InvocationExpressionSyntax Each(ExpressionSyntax source)
        => InvocationExpression(ParseExpression($"{G}.Each"), ArgumentList(SingletonSeparatedList(Argument(source.WithoutTrivia()))))
            .WithLeadingTrivia(source.GetLeadingTrivia()).WithTrailingTrivia(source.GetTrailingTrivia());

    public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        var target = model.GetSymbolInfo(node.Left).Symbol;
        var visited = (AssignmentExpressionSyntax)base.VisitAssignmentExpression(node)!;
        if (target is IPropertySymbol { Name: "Capacity" })
        {
            return visited.WithRight(SizeGuard(visited.Right));
        }

        return StringAppend(node, target, visited) ?? visited;
    }

    private ArgumentListSyntax Arguments(IMethodSymbol method, ArgumentListSyntax original, ArgumentListSyntax visited)
    {
        var arguments = visited.Arguments;
        for (var i = 0; i < original.Arguments.Count && i < arguments.Count; i++)
        {
            var parameter = ParameterFor(method, original.Arguments[i], i);
            if (parameter is not null && CSharpAllowlist.IsSizeParameter(method, parameter))
            {
                arguments = arguments.Replace(arguments[i], arguments[i].WithExpression(SizeGuard(arguments[i].Expression)));
            }
            else if (parameter is not null && IsLinq(method) && parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                && i < original.Arguments.Count && HasOneSequenceType(model.GetTypeInfo(original.Arguments[i].Expression).Type))
            {
                // Every element a LINQ operator pulls ticks the guard: time, cancellation, statements
                // and memory are checked inside Concat/SelectMany/ToList chains that run no lambda.
                arguments = arguments.Replace(arguments[i], arguments[i].WithExpression(Each(arguments[i].Expression)));
            }
            else if (parameter is { Name: "format", Type.SpecialType: SpecialType.System_String })
            {
                arguments = arguments.Replace(arguments[i], arguments[i].WithExpression(
                    InvocationExpression(ParseExpression($"{G}.Format"), ArgumentList(SingletonSeparatedList(Argument(arguments[i].Expression))))));
            }
        }

        if (IsRegexEntryPoint(method))
        {
            // Named, so they are valid after any mix of positional and named arguments.
            if (method.Parameters.LastOrDefault()?.Name != "options")
            {
                arguments = arguments.Add(Argument(ParseExpression("global::System.Text.RegularExpressions.RegexOptions.None"))
                    .WithNameColon(NameColon("options")));
            }

            arguments = arguments.Add(Argument(ParseExpression($"{G}.RegexTimeout")).WithNameColon(NameColon("matchTimeout")));
        }

        return visited.WithArguments(arguments);
    }

    private static IParameterSymbol? ParameterFor(IMethodSymbol method, ArgumentSyntax argument, int index)
    {
        if (argument.NameColon is { } name)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == name.Name.Identifier.ValueText);
        }

        return index < method.Parameters.Length ? method.Parameters[index] : method.Parameters.LastOrDefault(p => p.IsParams);
    }

    private static bool IsRegexEntryPoint(IMethodSymbol method)
        => method.ContainingType?.ToDisplayString() == "System.Text.RegularExpressions.Regex"
            && (method.IsStatic || method.MethodKind == MethodKind.Constructor)
            && RegexEntryPoints.Contains(method.Name)
            && method.Parameters.All(p => p.Name != "matchTimeout");

    private static bool ReturnsVoid(ISymbol? symbol) => symbol is IMethodSymbol { ReturnsVoid: true };

    private static BlockSyntax WithTick(StatementSyntax body, SyntaxNode loop)
        => Block(ParseStatement($"{G}.Tick();").WithAdditionalAnnotations(Position(loop)), body.WithoutTrailingTrivia())
            .WithTrailingTrivia(body.GetTrailingTrivia());

    private static SyntaxAnnotation Position(SyntaxNode original)
        => new(PositionAnnotation, original.SpanStart.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static InvocationExpressionSyntax SizeGuard(ExpressionSyntax size)
        => InvocationExpression(ParseExpression($"{G}.Size"), ArgumentList(SingletonSeparatedList(Argument(size))));

    private static BlockSyntax Instrument(BlockSyntax? block, ExpressionSyntax? expression, bool returnsVoid, SyntaxNode function)
    {
        var body = block ?? expression switch
        {
            ThrowExpressionSyntax thrown => Block(ThrowStatement(Token(SyntaxKind.ThrowKeyword).WithTrailingTrivia(Space), thrown.Expression, Token(SyntaxKind.SemicolonToken))),
            not null when returnsVoid => Block(ExpressionStatement(expression).WithAdditionalAnnotations(expression.GetAnnotations(PositionAnnotation))),
            not null => Block(ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken))
                .WithAdditionalAnnotations(expression.GetAnnotations(PositionAnnotation))),
            null => Block(),
        };
        return Block(
            ParseStatement($"{G}.EnterFunction();").WithAdditionalAnnotations(Position(function)),
            TryStatement(body, default, FinallyClause(Block(ParseStatement($"{G}.ExitFunction();")))));
    }
}
