using LiteDB;
using ServicesSync.Errors;

namespace ServicesSync.Persistence.LiteDb.Documents;

/// <summary>
/// Value conventions shared by every document: times are UTC ticks (LiteDB's own date type
/// keeps milliseconds only and drops the offset), enums are their names so a reordered enum
/// cannot change stored meaning, and absent optional values are left out.
/// </summary>
internal static class Bson
{
    public static BsonValue Time(DateTimeOffset value) => new(value.UtcTicks);

    public static BsonValue Time(DateTimeOffset? value) => value is { } time ? new BsonValue(time.UtcTicks) : BsonValue.Null;

    public static DateTimeOffset ToTime(BsonValue value) => new(value.AsInt64, TimeSpan.Zero);

    public static DateTimeOffset? ToNullableTime(BsonValue value) => value.IsNull ? null : ToTime(value);

    public static string? ToNullableString(BsonValue value) => value.IsNull ? null : value.AsString;

    public static int? ToNullableInt(BsonValue value) => value.IsNull ? null : value.AsInt32;

    public static TEnum ToEnum<TEnum>(BsonValue value)
        where TEnum : struct, Enum
        => Enum.Parse<TEnum>(value.AsString);

    public static void SetOptional(this BsonDocument document, string key, string? value)
    {
        if (value is not null)
        {
            document[key] = value;
        }
    }

    public static void SetOptional(this BsonDocument document, string key, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            document[key] = time.UtcTicks;
        }
    }

    public static void SetOptional(this BsonDocument document, string key, int? value)
    {
        if (value is { } number)
        {
            document[key] = number;
        }
    }

    public static void SetOptional(this BsonDocument document, string key, ErrorInfo? error)
    {
        if (error is not null)
        {
            document[key] = new BsonDocument
            {
                ["message"] = error.Message,
                ["kind"] = error.Kind.ToString(),
                ["retryable"] = error.Retryable,
            };
        }
    }

    public static ErrorInfo? ToError(BsonValue value)
        => value.IsNull
            ? null
            : new ErrorInfo(value["message"].AsString, ToEnum<ErrorKind>(value["kind"]), value["retryable"].AsBoolean);

    public static BsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new BsonArray();
        foreach (var value in values)
        {
            array.Add(value);
        }

        return array;
    }

    public static string[] ToStrings(BsonValue value)
    {
        if (value.IsNull)
        {
            return [];
        }

        var array = value.AsArray;
        var result = new string[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = array[i].AsString;
        }

        return result;
    }
}
