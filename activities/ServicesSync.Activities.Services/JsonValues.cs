using System.Globalization;
using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services;

/// <summary>
/// Reads JSON values whatever their backing: a parsed document holds numbers as JSON text, a
/// node built in memory holds an int, a long or a decimal, and vendors send ids as strings in one
/// payload and numbers in the next. A plain cast throws on most of these combinations.
/// </summary>
internal static class JsonValues
{
    public static long? Long(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<long>(out var l))
        {
            return l;
        }

        if (value.TryGetValue<int>(out var i))
        {
            return i;
        }

        if (value.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d))
        {
            return (long)d;
        }

        return value.TryGetValue<double>(out var f) && f == Math.Truncate(f) && Math.Abs(f) < long.MaxValue ? (long)f : null;
    }

    public static decimal? Decimal(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<decimal>(out var d))
        {
            return d;
        }

        return Long(node) is { } whole ? whole : value.TryGetValue<double>(out var f) ? (decimal)f : null;
    }

    /// <summary>A string value, or null for anything else: payload fields of the wrong type read as missing instead of throwing.</summary>
    public static string? String(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A string as is, a whole number as its digits (ids), anything else null.</summary>
    public static string? Text(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text.Length == 0 ? null : text;
        }

        return Long(node)?.ToString(CultureInfo.InvariantCulture);
    }
}
