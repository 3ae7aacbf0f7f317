using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ServicesSync.Scripting.Json;

/// <summary>Reads JSON numbers without losing what a double cannot hold.</summary>
internal static class JsonNumbers
{
    /// <summary>2^53: integers up to this size are exact in a double (a JavaScript number).</summary>
    public const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>
    /// The value of a number node as an integer when it is one that a double holds exactly, and
    /// otherwise as the nearest double (infinite when the literal is beyond double's range).
    /// </summary>
    public static bool TryGetSafeInteger(JsonValue value, out long integer, out double nearest)
    {
        if (value.TryGetValue(out JsonElement element))
        {
            if (element.TryGetInt64(out integer) && Math.Abs(integer) <= MaxSafeInteger)
            {
                nearest = integer;
                return true;
            }

            nearest = element.TryGetDouble(out var d) ? d : ParseDouble(element.GetRawText());
            integer = 0;
            return false;
        }

        // A value built in code (JsonValue.Create(42m)): its JSON text is the exact number.
        var text = value.ToJsonString();
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer) && Math.Abs(integer) <= MaxSafeInteger)
        {
            nearest = integer;
            return true;
        }

        nearest = ParseDouble(text);
        integer = 0;
        return false;
    }

    /// <summary>A JSON node for a double as JavaScript's JSON.stringify would write it, integers without a fraction.</summary>
    public static JsonNode? FromDouble(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return null;
        }

        if (value == 0)
        {
            return JsonValue.Create(0);
        }

        return Math.Abs(value) <= MaxSafeInteger && Math.Floor(value) == value
            ? JsonValue.Create((long)value)
            : JsonValue.Create(value);
    }

    /// <summary>A JSON number node with exactly the digits of <paramref name="text"/>.</summary>
    public static JsonNode FromExactText(string text) => JsonNode.Parse(text)!;

    private static double ParseDouble(string text)
        => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
