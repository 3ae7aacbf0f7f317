using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// The rewrites that bound string building: <c>+</c> and <c>+=</c>, interpolated strings,
/// StringBuilder construction and the string methods that build their result in one call — each
/// through a <see cref="Guard"/> counterpart that measures before it builds.
/// </summary>
internal sealed partial class GuardRewriter
{
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
        var parts = leaves.Select(leaf => AsObject((ExpressionSyntax)Visit(leaf)!)).ToArray();
        var concat = parts.Length == 2
            ? InvocationExpression(ParseExpression($"{G}.Concat"), ArgumentList(SeparatedList([Argument(parts[0]), Argument(parts[1])])))
            : InvocationExpression(ParseExpression($"{G}.Concat"), ArgumentList(SingletonSeparatedList(Argument(ObjectArray(parts)))));
        return concat.WithLeadingTrivia(node.GetLeadingTrivia()).WithTrailingTrivia(node.GetTrailingTrivia());
    }

    private bool IsStringAddition(SyntaxNode? node)
        => node is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression) && model.GetTypeInfo(add).Type?.SpecialType == SpecialType.System_String;

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

        return Argument(ObjectArray(arguments.Skip(first).Select(a => AsObject(a.Expression))));
    }

    private static InvocationExpressionSyntax Call(string name, IEnumerable<ArgumentSyntax> arguments, InvocationExpressionSyntax original)
        => InvocationExpression(ParseExpression($"{G}.{name}"), ArgumentList(SeparatedList(arguments.Select(a => a.WithoutTrivia()))))
            .WithLeadingTrivia(original.GetLeadingTrivia()).WithTrailingTrivia(original.GetTrailingTrivia());

    /// <summary>s += t on a local or parameter (reading it twice has no side effect) is s = s + t, measured.</summary>
    private AssignmentExpressionSyntax? StringAppend(AssignmentExpressionSyntax node, ISymbol? target, AssignmentExpressionSyntax visited)
    {
        if (!node.IsKind(SyntaxKind.AddAssignmentExpression) || node.Left is not IdentifierNameSyntax || target is not (ILocalSymbol or IParameterSymbol)
            || model.GetTypeInfo(node.Left).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        var concat = InvocationExpression(ParseExpression($"{G}.Concat"), ArgumentList(SeparatedList([Argument(AsObject(visited.Left)), Argument(AsObject(visited.Right))])));
        return AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, visited.Left, concat).WithTriviaFrom(node);
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

    private static CastExpressionSyntax AsObject(ExpressionSyntax expression)
        => CastExpression(ParseTypeName("object"), ParenthesizedExpression(expression.WithoutTrivia()));

    private static ArrayCreationExpressionSyntax ObjectArray(IEnumerable<ExpressionSyntax> items)
        => ArrayCreationExpression(
            ArrayType(ParseTypeName("object"), SingletonList(ArrayRankSpecifier(SingletonSeparatedList<ExpressionSyntax>(OmittedArraySizeExpression())))),
            InitializerExpression(SyntaxKind.ArrayInitializerExpression, SeparatedList(items)));
}
