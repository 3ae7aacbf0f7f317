using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ServicesSync.Expressions;

/// <summary>
/// Code whose value becomes an input at run time. In a definition an input is an expression
/// when its value is an object with the single property <c>expression</c>:
/// <c>{ "expression": { "language": "javascript", "code": "input.id" } }</c>.
/// </summary>
public sealed record Expression(string Language, string Code)
{
    public const string PropertyName = "expression";

    /// <summary>Whether <paramref name="value"/> has the shape of an expression (not whether it is valid).</summary>
    public static bool IsExpression([NotNullWhen(true)] JsonNode? value)
        => value is JsonObject { Count: 1 } obj && obj.ContainsKey(PropertyName);

    /// <summary>Reads an expression; false when <paramref name="value"/> is a literal or a malformed expression.</summary>
    public static bool TryParse(JsonNode? value, [NotNullWhen(true)] out Expression? expression)
    {
        expression = null;
        if (!IsExpression(value)
            || value[PropertyName] is not JsonObject body
            || body["language"] is not JsonValue language || !language.TryGetValue<string>(out var languageName)
            || body["code"] is not JsonValue code || !code.TryGetValue<string>(out var codeText))
        {
            return false;
        }

        expression = new Expression(languageName, codeText);
        return true;
    }

    public JsonObject ToJson() => new()
    {
        [PropertyName] = new JsonObject { ["language"] = Language, ["code"] = Code },
    };
}
