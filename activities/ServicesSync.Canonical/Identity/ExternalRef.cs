using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ServicesSync.Errors;

namespace ServicesSync.Canonical;

/// <summary>
/// An identifier as one system knows it: <c>{ "system": "bamboohr", "id": "123" }</c>. Every
/// external identifier in the canonical model is one of these, never a bare string, so an id can
/// never be read in the wrong system. Comparison is ordinal: ids are case-sensitive data.
/// </summary>
public sealed record ExternalRef
{
    /// <summary>The system name used for ServicesSync's own canonical ids.</summary>
    public const string CanonicalSystem = "canonical";

    public ExternalRef(string system, string id)
    {
        if (string.IsNullOrWhiteSpace(system))
        {
            throw new ServicesSyncException("A cross-reference needs a system name; it was empty.", ErrorKind.Validation);
        }

        if (string.IsNullOrEmpty(id))
        {
            throw new ServicesSyncException($"A cross-reference to system '{system}' needs an id; it was empty.", ErrorKind.Validation);
        }

        System = system;
        Id = id;
    }

    public string System { get; }

    public string Id { get; }

    /// <summary>A reference to a canonical id.</summary>
    public static ExternalRef Canonical(string id) => new(CanonicalSystem, id);

    /// <summary>Reads the <c>system:id</c> form (the id may itself contain colons).</summary>
    public static ExternalRef Parse(string text)
        => TryParse(text, out var value)
            ? value
            : throw new ServicesSyncException($"'{text}' is not a cross-reference of the form system:id.", ErrorKind.Validation);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ExternalRef? value)
    {
        value = null;
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0 || colon == text.Length - 1 || string.IsNullOrWhiteSpace(text[..colon]))
        {
            return false;
        }

        value = new ExternalRef(text[..colon], text[(colon + 1)..]);
        return true;
    }

    [JsonIgnore]
    public bool IsCanonical => System == CanonicalSystem;

    public override string ToString() => $"{System}:{Id}";
}
