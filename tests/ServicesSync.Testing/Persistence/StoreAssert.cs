using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServicesSync.Testing.Persistence;

/// <summary>
/// Compares store records by content. Records hold lists and JSON nodes, which compare by
/// reference, and a store may hand times back in UTC; both are normalised away here.
/// </summary>
public static class StoreAssert
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static void Equivalent<T>(T expected, T actual)
        => Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));

    public static void Equivalent<T>(IEnumerable<T> expected, IEnumerable<T> actual)
        => Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions { WriteIndented = true };
        options.Converters.Add(new UtcConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private sealed class UtcConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => reader.GetDateTimeOffset();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
            => writer.WriteStringValue(value.ToUniversalTime());
    }
}
