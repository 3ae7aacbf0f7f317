using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;

namespace ServicesSync.Scripting.CSharp;

/// <summary>
/// Workflow variables as a C# snippet sees them (<c>Vars["rateCardId"]</c>). Each value is a copy
/// made on first read, so a snippet can change what it got without changing the workflow's state
/// (variables change only through <c>core.setVariable</c>, which is journaled).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ScriptVariableDictionary : IReadOnlyDictionary<string, JsonNode?>
{
    private readonly IReadOnlyDictionary<string, JsonNode?> source;
    private Dictionary<string, JsonNode?>? copies;

    internal ScriptVariableDictionary(IReadOnlyDictionary<string, JsonNode?> source) => this.source = source;

    public int Count => source.Count;

    public IEnumerable<string> Keys => source.Keys;

    public IEnumerable<JsonNode?> Values => Keys.Select(key => this[key]);

    public JsonNode? this[string key]
        => TryGetValue(key, out var value)
            ? value
            : throw new KeyNotFoundException($"The workflow has no variable '{key}'.");

    public bool ContainsKey(string key) => source.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonNode? value)
    {
        if (copies is not null && copies.TryGetValue(key, out value))
        {
            return true;
        }

        if (!source.TryGetValue(key, out var original))
        {
            value = null;
            return false;
        }

        value = Json.JsonCopy.Of(original);
        (copies ??= new(StringComparer.Ordinal))[key] = value;
        return true;
    }

    public IEnumerator<KeyValuePair<string, JsonNode?>> GetEnumerator()
    {
        foreach (var key in source.Keys)
        {
            yield return new(key, this[key]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
