using System.Text.Json.Serialization;

namespace ServicesSync.Canonical;

/// <summary>
/// A field a source may or may not have told us about. Not provided means UNKNOWN: the source
/// did not send it (a webhook posts only the fields it monitors, a permission hides a field, a
/// change event carries only what changed). Provided with a null value means the source said the
/// field is empty. The difference matters: applying an unknown field must never clear the value
/// another system holds. In JSON, an unknown field is absent and a cleared field is <c>null</c>.
/// </summary>
/// <remarks>
/// Declare properties as <c>Optional&lt;T?&gt;</c> with
/// <c>[JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]</c> so that unknown
/// fields are left out with any serializer options.
/// </remarks>
[JsonConverter(typeof(OptionalJsonConverterFactory))]
public readonly record struct Optional<T>
{
    private readonly T value;

    public Optional(T value)
    {
        this.value = value;
        IsProvided = true;
    }

    /// <summary>Whether the source provided the field (possibly as null).</summary>
    public bool IsProvided { get; }

    /// <summary>The provided value; reading an unknown value is a bug, so it throws.</summary>
    public T Value => IsProvided
        ? value
        : throw new InvalidOperationException("The source did not provide this field: its value is unknown.");

    /// <summary>The provided value, or <paramref name="fallback"/> when unknown.</summary>
    public T GetValueOrDefault(T fallback) => IsProvided ? value : fallback;

    /// <summary>This value when provided, otherwise <paramref name="older"/>: newer knowledge wins, unknown never erases.</summary>
    public Optional<T> Or(Optional<T> older) => IsProvided ? this : older;

    public static implicit operator Optional<T>(T value) => new(value);

    public override string ToString() => IsProvided ? value?.ToString() ?? "null" : "(unknown)";
}
