using System.Collections;

namespace ServicesSync.Activities.Control;

/// <summary>
/// Log state shaped like the one <c>LoggerMessage</c> produces: the template <c>{Message}</c>
/// under <c>{OriginalFormat}</c>, plus the properties, so structured sinks (Serilog) keep
/// <c>Message</c> and <c>Data</c> as separate fields.
/// </summary>
internal sealed class LogActivityState(string message, string? data) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Template = "{Message}";

    public int Count => data is null ? 2 : 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("Message", message),
        1 when data is not null => new("Data", data),
        _ when index == Count - 1 => new("{OriginalFormat}", Template),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}
