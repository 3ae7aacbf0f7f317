using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Validation;

/// <summary>Names JSON values and types the way a person reads them in a problem message.</summary>
internal static class JsonKinds
{
    private const int PreviewLength = 60;

    /// <summary>"text", "a whole number", … for a JSON Schema / input type name.</summary>
    public static string Expected(string type) => type switch
    {
        "string" => "text",
        "number" => "a number",
        "integer" => "a whole number",
        "boolean" => "true or false",
        "object" => "an object ({ … })",
        "array" => "a list ([ … ])",
        "null" => "null",
        _ => type,
    };

    public static string Actual(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => IsWholeNumber(value.GetRawText()) ? "a whole number" : "a decimal number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "null",
    };

    public static string Actual(JsonNode? value) => value is null ? "null" : value.GetValueKind() switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => IsWholeNumber(value.ToJsonString()) ? "a whole number" : "a decimal number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "null",
    };

    /// <summary>
    /// Whether a JSON number literal is written as a whole number (<c>3</c>, not <c>3.0</c> or
    /// <c>3e2</c>): the form an integer property or input can be bound from.
    /// </summary>
    public static bool IsWholeNumber(string numberText)
        => numberText.Length > 0
           && numberText.AsSpan(numberText[0] == '-' ? 1 : 0).IndexOfAnyExceptInRange('0', '9') < 0
           && long.TryParse(numberText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    /// <summary>A short quotation of a value: strings in single quotes, others as JSON, long ones cut.</summary>
    public static string Preview(JsonElement value)
        => Quote(value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText(), value.ValueKind == JsonValueKind.String);

    public static string Preview(JsonNode? value)
        => value is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? Quote(text.GetValue<string>(), quoted: true)
            : Quote(value?.ToJsonString() ?? "null", quoted: false);

    private static string Quote(string text, bool quoted)
    {
        if (text.Length > PreviewLength)
        {
            text = string.Concat(text.AsSpan(0, PreviewLength), "…");
        }

        return quoted ? $"'{text}'" : text;
    }
}
