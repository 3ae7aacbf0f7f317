using System.Globalization;

namespace ServicesSync.Scripting.Json;

/// <summary>
/// The one spelling of a date in snippet output, shared by both languages so that the same mapping
/// produces the same JSON: ISO 8601, fractional seconds only when present, <c>Z</c> for UTC and the
/// offset otherwise (an offset is data; it is never normalised away).
/// </summary>
internal static class JsonDates
{
    public static string Format(DateTimeOffset value)
    {
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return value.Offset == TimeSpan.Zero
            ? text + "Z"
            : text + value.ToString("zzz", CultureInfo.InvariantCulture);
    }

    public static string Format(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => Format(new DateTimeOffset(value)),
        DateTimeKind.Local => Format(new DateTimeOffset(value)),
        _ => value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
    };
}
