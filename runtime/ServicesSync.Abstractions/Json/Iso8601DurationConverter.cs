using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace ServicesSync.Json;

/// <summary>
/// Reads and writes <see cref="TimeSpan"/> as an ISO 8601 duration (<c>PT2S</c>, <c>P1DT4H</c>),
/// the form definitions use for delays and timeouts.
/// </summary>
public sealed class Iso8601DurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !Iso8601Duration.TryParse(text, out var value))
        {
            throw new JsonException($"'{text}' is not an ISO 8601 duration such as PT30S or P1DT2H.");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options)
        => writer.WriteStringValue(Iso8601Duration.Format(value));
}

/// <summary>Parsing and formatting of ISO 8601 durations.</summary>
public static class Iso8601Duration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        // XmlConvert implements xs:duration, which is the ISO 8601 duration grammar; it also
        // accepts years and months, which have no fixed length, so those are refused here.
        if (string.IsNullOrWhiteSpace(text) || text.AsSpan().IndexOfAny('Y', 'W') >= 0 || HasMonths(text))
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return value >= TimeSpan.Zero;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static string Format(TimeSpan value) => XmlConvert.ToString(value);

    private static bool HasMonths(string text)
    {
        var timeStart = text.IndexOf('T', StringComparison.Ordinal);
        var datePart = timeStart < 0 ? text : text[..timeStart];
        return datePart.Contains('M', StringComparison.Ordinal);
    }
}
