using System.Globalization;
using System.Text.Json.Nodes;

namespace ServicesSync.Connectors.Tryton;

/// <summary>
/// Tryton's JSON-RPC spells values JSON has no type for as tagged objects:
/// <c>{"__class__":"Decimal","decimal":"120"}</c>, <c>{"__class__":"date","year":..,"month":..,"day":..}</c>,
/// <c>{"__class__":"timedelta","seconds":7200}</c>.
/// </summary>
public static class TrytonValues
{
    public static JsonObject Decimal(decimal value)
        => new() { ["__class__"] = "Decimal", ["decimal"] = value.ToString(CultureInfo.InvariantCulture) };

    public static JsonObject Date(DateOnly value)
        => new() { ["__class__"] = "date", ["year"] = value.Year, ["month"] = value.Month, ["day"] = value.Day };

    public static JsonObject TimeDelta(long seconds)
        => new() { ["__class__"] = "timedelta", ["seconds"] = seconds };

    /// <summary>A Decimal (tagged or a plain number); null for null or another shape.</summary>
    public static decimal? ReadDecimal(JsonNode? node) => node switch
    {
        JsonObject tagged when (string?)tagged["__class__"] == "Decimal"
            && decimal.TryParse((string?)tagged["decimal"], NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        JsonValue plain when plain.TryGetValue<decimal>(out var number) => number,
        _ => null,
    };

    /// <summary>A timedelta's seconds; null for null or another shape.</summary>
    public static double? ReadSeconds(JsonNode? node) => node switch
    {
        JsonObject tagged when (string?)tagged["__class__"] == "timedelta" && tagged["seconds"] is JsonValue seconds
            && seconds.TryGetValue<double>(out var value) => value,
        _ => null,
    };

    public static DateOnly? ReadDate(JsonNode? node) => node switch
    {
        JsonObject tagged when (string?)tagged["__class__"] == "date"
            => new DateOnly((int)tagged["year"]!, (int)tagged["month"]!, (int)tagged["day"]!),
        _ => null,
    };

    /// <summary>A many2one or id value as an int; null when empty.</summary>
    public static int? ReadId(JsonNode? node)
        => node is JsonValue value && value.TryGetValue<int>(out var id) ? id : null;

    public static int[] ReadIds(JsonNode? node)
        => node is JsonArray array ? [.. array.Select(ReadId).Where(i => i is not null).Select(i => i!.Value)] : [];

    /// <summary>A domain clause <c>[field, operator, value]</c>.</summary>
    public static JsonArray Clause(string field, string op, JsonNode? value) => new(field, op, value);
}
