using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// What C# snippets may touch, by type (never by whole namespace: <c>System</c> holds both
/// <c>Math</c> and <c>Environment</c>). A type not listed here is rejected at validation with the
/// symbol, line and column. A few members of listed types are denied on their own (reflection
/// through <c>GetType()</c>, the wall clock, process-wide settings), and a few parameters are
/// sizes that the guard checks before the allocation happens.
/// </summary>
internal sealed class CSharpAllowlist
{
    private static readonly string[] BuiltInTypes =
    [
        // Primitives and values
        "System.Object", "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte",
        "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64", "System.UInt64",
        "System.Int128", "System.UInt128", "System.Single", "System.Double", "System.Decimal", "System.Half",
        "System.Numerics.BigInteger", "System.Guid", "System.Nullable`1", "System.Nullable", "System.Enum",
        "System.Void", "System.ValueType",
        "System.Math", "System.MathF", "System.Convert", "System.BitConverter", "System.MidpointRounding",
        "System.StringComparison", "System.StringComparer", "System.StringSplitOptions", "System.Range", "System.Index",
        "System.Uri", "System.UriKind", "System.UriComponents", "System.UriFormat", "System.Net.WebUtility",

        // Time (the clock itself comes from Ctx.Now)
        "System.DateTime", "System.DateTimeOffset", "System.DateOnly", "System.TimeOnly", "System.TimeSpan",
        "System.DayOfWeek", "System.DateTimeKind", "System.Globalization.ISOWeek",
        "System.Globalization.CultureInfo", "System.Globalization.NumberStyles", "System.Globalization.DateTimeStyles",
        "System.Globalization.CompareOptions", "System.IFormatProvider", "System.IFormattable",

        // Delegates, tuples, interfaces snippets meet through LINQ and collections
        "System.Func`1", "System.Func`2", "System.Func`3", "System.Func`4", "System.Func`5", "System.Func`6",
        "System.Func`7", "System.Func`8", "System.Action", "System.Action`1", "System.Action`2", "System.Action`3",
        "System.Action`4", "System.Action`5", "System.Action`6", "System.Predicate`1", "System.Comparison`1",
        "System.Converter`2", "System.ValueTuple", "System.ValueTuple`1", "System.ValueTuple`2", "System.ValueTuple`3",
        "System.ValueTuple`4", "System.ValueTuple`5", "System.ValueTuple`6", "System.ValueTuple`7", "System.ValueTuple`8",
        "System.Tuple", "System.Tuple`1", "System.Tuple`2", "System.Tuple`3", "System.Tuple`4",
        "System.IComparable", "System.IComparable`1", "System.IEquatable`1", "System.IDisposable",
        "System.Array", "System.Span`1", "System.ReadOnlySpan`1", "System.MemoryExtensions",
        "System.Runtime.CompilerServices.DefaultInterpolatedStringHandler",

        // Collections and LINQ
        "System.Collections.IEnumerable", "System.Collections.IEnumerator",
        "System.Collections.Generic.List`1", "System.Collections.Generic.Dictionary`2", "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.SortedDictionary`2", "System.Collections.Generic.SortedSet`1", "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.Queue`1", "System.Collections.Generic.Stack`1", "System.Collections.Generic.KeyValuePair`2",
        "System.Collections.Generic.KeyValuePair", "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IEnumerator`1",
        "System.Collections.Generic.ICollection`1", "System.Collections.Generic.IList`1", "System.Collections.Generic.IReadOnlyCollection`1",
        "System.Collections.Generic.IReadOnlyList`1", "System.Collections.Generic.IDictionary`2", "System.Collections.Generic.IReadOnlyDictionary`2",
        "System.Collections.Generic.ISet`1", "System.Collections.Generic.IReadOnlySet`1", "System.Collections.Generic.Comparer`1",
        "System.Collections.Generic.EqualityComparer`1", "System.Collections.Generic.IComparer`1", "System.Collections.Generic.IEqualityComparer`1",
        "System.Collections.Generic.CollectionExtensions",
        "System.Linq.Enumerable", "System.Linq.IOrderedEnumerable`1", "System.Linq.IGrouping`2", "System.Linq.ILookup`2", "System.Linq.Lookup`2",

        // Text and JSON
        "System.Text.StringBuilder", "System.Text.Encoding", "System.Text.NormalizationForm",
        "System.Text.RegularExpressions.Regex", "System.Text.RegularExpressions.RegexOptions", "System.Text.RegularExpressions.Match",
        "System.Text.RegularExpressions.MatchCollection", "System.Text.RegularExpressions.Group", "System.Text.RegularExpressions.GroupCollection",
        "System.Text.RegularExpressions.Capture", "System.Text.RegularExpressions.CaptureCollection", "System.Text.RegularExpressions.MatchEvaluator",
        "System.Text.Json.Nodes.JsonNode", "System.Text.Json.Nodes.JsonObject", "System.Text.Json.Nodes.JsonArray",
        "System.Text.Json.Nodes.JsonValue", "System.Text.Json.Nodes.JsonNodeOptions", "System.Text.Json.JsonValueKind",
        "System.Security.Cryptography.SHA256",

        // Exceptions a snippet may throw or catch
        "System.Exception", "System.ArgumentException", "System.ArgumentNullException", "System.ArgumentOutOfRangeException",
        "System.InvalidOperationException", "System.FormatException", "System.NotSupportedException", "System.NotImplementedException",
        "System.OverflowException", "System.DivideByZeroException", "System.NullReferenceException", "System.IndexOutOfRangeException",
        "System.InvalidCastException", "System.Collections.Generic.KeyNotFoundException", "System.Text.Json.JsonException",

        // What the snippet is given
        "ServicesSync.Scripting.ScriptContext", "ServicesSync.Scripting.CSharp.ScriptGlobals", "ServicesSync.Scripting.CSharp.ScriptVariableDictionary",
        "ServicesSync.Scripting.CrossReferences.IScriptCrossReferences",
    ];

    private static readonly FrozenDictionary<string, string> DeniedMembers = new Dictionary<string, string>
    {
        ["System.Object.GetType"] = "reflection",
        ["System.Object.MemberwiseClone"] = "reflection",
        ["System.Exception.StackTrace"] = "it exposes host internals",
        ["System.Exception.TargetSite"] = "reflection",
        ["System.Exception.ToString"] = "it exposes host internals; use Message",
        ["System.Exception.GetObjectData"] = "reflection",
        ["System.DateTime.Now"] = "use Ctx.Now, the workflow clock",
        ["System.DateTime.UtcNow"] = "use Ctx.Now, the workflow clock",
        ["System.DateTime.Today"] = "use Ctx.Now, the workflow clock",
        ["System.DateTimeOffset.Now"] = "use Ctx.Now, the workflow clock",
        ["System.DateTimeOffset.UtcNow"] = "use Ctx.Now, the workflow clock",
        ["System.Text.Encoding.RegisterProvider"] = "it changes process-wide state",
        ["System.Text.RegularExpressions.Regex.CacheSize"] = "it changes process-wide state",
        ["System.Text.RegularExpressions.Regex.CompileToAssembly"] = "it writes assemblies",
        ["System.Globalization.CultureInfo.CurrentCulture"] = "it changes thread-wide state",
        ["System.Globalization.CultureInfo.CurrentUICulture"] = "it changes thread-wide state",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentCulture"] = "it changes process-wide state",
        ["System.Globalization.CultureInfo.DefaultThreadCurrentUICulture"] = "it changes process-wide state",
        ["System.Array.CreateInstance"] = "reflection",
        ["System.Array.CreateInstanceFromArrayType"] = "reflection",
        ["System.Enum.GetUnderlyingType"] = "reflection",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    // Type, member (".ctor" for constructors), parameter: sizes the guard checks before allocating.
    private static readonly FrozenSet<string> SizeParameters = new[]
    {
        "System.String..ctor.count", "System.String.PadLeft.totalWidth", "System.String.PadRight.totalWidth",
        "System.Text.StringBuilder..ctor.capacity", "System.Text.StringBuilder.Append.repeatCount",
        "System.Text.StringBuilder.Insert.count", "System.Text.StringBuilder.EnsureCapacity.capacity",
        "System.Linq.Enumerable.Repeat.count", "System.Linq.Enumerable.Range.count",
        "System.Collections.Generic.List`1..ctor.capacity", "System.Collections.Generic.List`1.EnsureCapacity.capacity",
        "System.Collections.Generic.Dictionary`2..ctor.capacity", "System.Collections.Generic.Dictionary`2.EnsureCapacity.capacity",
        "System.Collections.Generic.HashSet`1..ctor.capacity", "System.Collections.Generic.HashSet`1.EnsureCapacity.capacity",
        "System.Collections.Generic.Queue`1..ctor.capacity", "System.Collections.Generic.Queue`1.EnsureCapacity.capacity",
        "System.Collections.Generic.Stack`1..ctor.capacity", "System.Collections.Generic.Stack`1.EnsureCapacity.capacity",
        "System.Collections.Generic.SortedList`2..ctor.capacity", "System.Array.Resize.newSize",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> JsonPrimitiveTypes = new[]
    {
        "System.String", "System.Char", "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16",
        "System.Int32", "System.UInt32", "System.Int64", "System.UInt64", "System.Single", "System.Double", "System.Decimal",
        "System.Guid", "System.DateTime", "System.DateTimeOffset", "System.Nullable`1", "System.Text.Json.Nodes.JsonNode",
        "System.Text.Json.Nodes.JsonObject", "System.Text.Json.Nodes.JsonArray", "System.Text.Json.Nodes.JsonValue",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenSet<string> types;

    public CSharpAllowlist(IEnumerable<Type>? extraTypes = null)
    {
        var extra = (extraTypes ?? []).ToArray();
        types = BuiltInTypes.Concat(extra.Select(t => t.FullName!)).ToFrozenSet(StringComparer.Ordinal);
        ExtraAssemblies = extra.Select(t => t.Assembly).Distinct().ToArray();
        Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', types.Order(StringComparer.Ordinal)))))[..16];
    }

    /// <summary>Changes whenever the allowlist does, so that cached compilations checked against an older one are not reused.</summary>
    public string Fingerprint { get; }

    public IReadOnlyList<System.Reflection.Assembly> ExtraAssemblies { get; }

    public bool IsAllowedType(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        if (types.Contains(MetadataName(definition)))
        {
            return true;
        }

        // Nested types of allowed types: List<T>.Enumerator, StringBuilder.AppendInterpolatedStringHandler.
        return definition.ContainingType is { } outer && IsAllowedType(outer);
    }

    /// <summary>Why a member of an allowed type is still denied, or null when it is not.</summary>
    public static string? DeniedReason(ISymbol member)
    {
        if (member.ContainingType is null)
        {
            return null;
        }

        if (member.ContainingType.TypeKind == TypeKind.Delegate && member.Name is "BeginInvoke" or "EndInvoke")
        {
            return "asynchronous delegates run on other threads";
        }

        var key = $"{MetadataName(member.ContainingType.OriginalDefinition)}.{member.Name}";
        return DeniedMembers.TryGetValue(key, out var reason) ? reason : null;
    }

    public static bool IsSizeParameter(IMethodSymbol method, IParameterSymbol parameter)
        => SizeParameters.Contains($"{MetadataName(method.ContainingType.OriginalDefinition)}.{method.Name}.{parameter.Name}");

    /// <summary>Type arguments JSON nodes can hold without reflection-based serialization (which would also pin the snippet's types in a shared cache).</summary>
    public static bool IsJsonPrimitive(ITypeSymbol type)
        => type is INamedTypeSymbol named
            && JsonPrimitiveTypes.Contains(MetadataName(named.OriginalDefinition))
            && named.TypeArguments.All(IsJsonPrimitive);

    public static string MetadataName(INamedTypeSymbol type)
    {
        if (type.ContainingType is { } outer)
        {
            return MetadataName(outer) + "+" + type.MetadataName;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? type.MetadataName : $"{ns.ToDisplayString()}.{type.MetadataName}";
    }
}
