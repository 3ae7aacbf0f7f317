using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Canonical;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Mapping;

/// <summary>
/// Reads source fields into <see cref="Optional{T}"/>: a field the source did not send is
/// unknown; one it sent empty (null, "", BambooHR's "0000-00-00") is known to be empty.
/// </summary>
internal static class MappedValue
{
    /// <summary>The first of <paramref name="keys"/> present in <paramref name="fields"/>, as text.</summary>
    public static Optional<string?> Text(JsonObject fields, IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            if (fields.TryGetPropertyValue(key, out var value))
            {
                return Clean(value);
            }
        }

        return default;
    }

    public static Optional<DateOnly?> Date(JsonObject fields, IEnumerable<string> keys, string what)
    {
        var text = Text(fields, keys);
        if (!text.IsProvided || text.Value is null)
        {
            return text.IsProvided ? Optional.Of<DateOnly?>(null) : default;
        }

        return DateOnly.TryParseExact(text.Value[..Math.Min(10, text.Value.Length)], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new ServicesSyncException($"{what} '{text.Value}' is not a date such as 2026-03-16.", ErrorKind.Validation);
    }

    public static Optional<T?> Map<T>(Optional<string?> value, Func<string, T?> map)
        where T : class
        => !value.IsProvided ? default : value.Value is null ? Optional.Of<T?>(null) : map(value.Value);

    private static Optional<string?> Clean(JsonNode? node)
    {
        var text = node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var s) => s.Trim(),
            JsonValue value => value.ToJsonString(),
            _ => node.ToJsonString(),
        };
        return string.IsNullOrEmpty(text) || text == "0000-00-00" ? Optional.Of<string?>(null) : text;
    }
}
