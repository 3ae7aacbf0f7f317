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
/// <see cref="Guard.CanCatch"/> filter on every catch. Nothing inserted contains a line break,
/// so the user's line numbers survive for runtime error positions.
/// </summary>
internal sealed class GuardRewriter(SemanticModel model, Microsoft.CodeAnalysis.Text.TextSpan userSpan) : CSharpSyntaxRewriter
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

    /// <summary>
    /// A string <c>+</c> goes through <see cref="Guard.Concat(object?, object?)"/> (two parts) or
    /// <see cref="Guard.Concat{T}"/> (a chain, one string.Concat to the compiler), which measure
    /// the parts before joining them. Constant chains stay as they are (they are folded at compile
    /// time and may be needed as constants).
    /// </summary>
    public override SyntaxNode? VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (!IsStringAddition(node) || IsStringAddition(node.Parent) || model.GetConstantValue(node).HasValue)
        {
            return base.VisitBinaryExpression(node);
        }

        var leaves = new List<ExpressionSyntax>();
        ExpressionSyntax current = node;
        while (current is BinaryExpressionSyntax add && IsStringAddition(add))
        {
            leaves.Add(add.Right);
            current = add.Left;
        }

        leaves.Add(current);
        leaves.Reverse();
        if (leaves.Count == 2)
        {
            return InvocationExpression(
                    ParseExpression($"{G}.Concat"),
                    ArgumentList(SeparatedList(leaves.Select(leaf => Argument(CastExpression(ParseTypeName("object"), ParenthesizedExpression(((ExpressionSyntax)Visit(leaf)!).WithoutTrivia())))))))
                .WithLeadingTrivia(node.GetLeadingTrivia()).WithTrailingTrivia(node.GetTrailingTrivia());
        }

        var items = leaves.Select(leaf => (ExpressionSyntax)CastExpression(ParseTypeName("object"), ParenthesizedExpression(((ExpressionSyntax)Visit(leaf)!).WithoutTrivia())));
        var array = ArrayCreationExpression(
            ArrayType(ParseTypeName("object"), SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
            InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(items)));
        return InvocationExpression(ParseExpression($"{G}.Concat"), ArgumentList(SingletonSeparatedList(Argument(array))))
            .WithLeadingTrivia(node.GetLeadingTrivia()).WithTrailingTrivia(node.GetTrailingTrivia());
    }

    private bool IsStringAddition(SyntaxNode? node)
        => node is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression) && model.GetTypeInfo(add).Type?.SpecialType == SpecialType.System_String;

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

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        if (method is null)
        {
            return visited;
        }

        var arguments = node.ArgumentList is null || visited.ArgumentList is null ? visited.ArgumentList : Arguments(method, node.ArgumentList, visited.ArgumentList);
        return IsStringBuilder(method) && visited.Initializer is null
            ? Builder(arguments ?? ArgumentList(), visited)
            : visited.WithArgumentList(arguments);
    }

    public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        var visited = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!;
        if (method is null)
        {
            return visited;
        }

        var arguments = Arguments(method, node.ArgumentList, visited.ArgumentList);
        return IsStringBuilder(method) && visited.Initializer is null ? Builder(arguments, visited) : visited.WithArgumentList(arguments);
    }

    private static bool IsStringBuilder(IMethodSymbol method)
        => method.MethodKind == MethodKind.Constructor && method.ContainingType?.ToDisplayString() == "System.Text.StringBuilder";

    private static InvocationExpressionSyntax Builder(ArgumentListSyntax arguments, ExpressionSyntax original)
        => InvocationExpression(ParseExpression($"{G}.Builder"), arguments.WithoutTrivia())
            .WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());

    /// <summary>
    /// string.Concat / string.Join / string.Replace, which build their whole result in one call,
    /// go through <see cref="Guard"/> versions that measure first. Overloads over spans, with named
    /// arguments or index ranges are left alone (their inputs are strings the limits already bound).
    /// </summary>
    private InvocationExpressionSyntax? GrowingStringCall(IMethodSymbol method, InvocationExpressionSyntax original, InvocationExpressionSyntax visited)
    {
        if (method.ContainingType?.SpecialType != SpecialType.System_String
            || visited.ArgumentList.Arguments.Any(a => a.NameColon is not null || !a.RefKindKeyword.IsKind(SyntaxKind.None))
            || method.Parameters.Any(p => p.Type.Name is "ReadOnlySpan" or "Span"))
        {
            return null;
        }

        var arguments = visited.ArgumentList.Arguments;
        switch (method.Name)
        {
            case "Replace" when !method.IsStatic && method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                && visited.Expression is MemberAccessExpressionSyntax access:
                return Call("Replace", [Argument(access.Expression.WithoutTrivia()), .. arguments], visited);
            case "Concat" when method.IsStatic:
                return Call("Concat", [Values(method, original, arguments, 0)], visited);
            case "Join" when method.IsStatic && method.Parameters.Length == 2:
                return Call("Join", [arguments[0], Values(method, original, arguments, 1)], visited);
            default:
                return null;
        }
    }

    /// <summary>The values of a Concat/Join as one sequence: the sequence or array passed, or the listed arguments as an object array.</summary>
    private ArgumentSyntax Values(IMethodSymbol method, InvocationExpressionSyntax original, SeparatedSyntaxList<ArgumentSyntax> arguments, int first)
    {
        var last = method.Parameters[^1];
        var passedWhole = arguments.Count == first + 1 && (!last.IsParams || model.GetTypeInfo(original.ArgumentList.Arguments[first].Expression).Type is IArrayTypeSymbol)
            && method.Parameters[first].Type is not { SpecialType: SpecialType.System_Object or SpecialType.System_String };
        if (passedWhole)
        {
            return arguments[first];
        }

        var items = arguments.Skip(first).Select(a => (ExpressionSyntax)CastExpression(ParseTypeName("object"), ParenthesizedExpression(a.Expression.WithoutTrivia())));
        return Argument(ArrayCreationExpression(ArrayType(ParseTypeName("object"), SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))), InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(items))));
    }

    private static InvocationExpressionSyntax Call(string name, IEnumerable<ArgumentSyntax> arguments, InvocationExpressionSyntax original)
        => InvocationExpression(ParseExpression($"{G}.{name}"), ArgumentList(SeparatedList(arguments.Select(a => a.WithoutTrivia()))))
            .WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());

    public override SyntaxNode? VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        var target = model.GetSymbolInfo(node.Left).Symbol;
        var visited = (AssignmentExpressionSyntax)base.VisitAssignmentExpression(node)!;
        if (target is IPropertySymbol { Name: "Capacity" })
        {
            return visited.WithRight(SizeGuard(visited.Right));
        }

        // s += t on a local or parameter (reading it twice has no side effect) is s = s + t, measured.
        if (node.IsKind(SyntaxKind.AddAssignmentExpression) && node.Left is IdentifierNameSyntax && target is ILocalSymbol or IParameterSymbol
            && model.GetTypeInfo(node.Left).Type?.SpecialType == SpecialType.System_String)
        {
            var concat = InvocationExpression(
                ParseExpression($"{G}.Concat"),
                ArgumentList(SeparatedList([
                    Argument(CastExpression(ParseTypeName("object"), ParenthesizedExpression(visited.Left.WithoutTrivia()))),
                    Argument(CastExpression(ParseTypeName("object"), ParenthesizedExpression(visited.Right.WithoutTrivia()))),
                ])));
            return AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, visited.Left, concat).WithTriviaFrom(node);
        }

        return visited;
    }

    /// <summary>
    /// A non-constant interpolated string that becomes a <c>string</c> (or an object) is built by
    /// <see cref="GuardedString"/>, which measures each hole before appending it.
    /// </summary>
    public override SyntaxNode? VisitInterpolatedStringExpression(InterpolatedStringExpressionSyntax node)
    {
        var visited = (ExpressionSyntax)base.VisitInterpolatedStringExpression(node)!;
        // Constants are folded by the compiler; one passed to another handler (StringBuilder.Append,
        // whose builder is capped) or to FormattableString keeps it.
        if (model.GetConstantValue(node).HasValue
            || model.GetTypeInfo(node).ConvertedType?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object))
        {
            return visited;
        }

        return InvocationExpression(ParseExpression($"{G}.Interpolate"), ArgumentList(SingletonSeparatedList(Argument(visited.WithoutTrivia()))))
            .WithTriviaFrom(node);
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
