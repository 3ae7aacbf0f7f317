using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Security;

/// <summary>
/// API key format and hashing, shared by the server and the CLI (<c>servicessync apikey</c>).
/// A key is <c>ss_</c> followed by 32 random bytes in base64url; only its SHA-256 is stored, so
/// a copied database does not give away working keys.
/// </summary>
public static class ApiKeys
{
    public const string KeyPrefix = "ss_";

    /// <summary>Length of the prefix kept in clear (<see cref="ApiKeyRecord.Prefix"/>) so people can tell keys apart.</summary>
    public const int VisiblePrefixLength = 10;

    /// <summary>A key's name is at most this long: it is printed back in listings and logs.</summary>
    public const int MaxNameLength = 100;

    /// <summary>
    /// Why <paramref name="name"/> cannot name a key, or null when it can. A line break or an escape
    /// sequence in a listing could forge lines or repaint an operator's terminal.
    /// </summary>
    public static string? NameProblem(string? name)
        => name is not null && (name.Any(char.IsControl) || name.Length > MaxNameLength)
            ? $"use at most {MaxNameLength} printable characters (no line breaks, tabs or control characters)"
            : null;

    public static string Generate()
        => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lowercase hex SHA-256 of the key's UTF-8 bytes, as stored.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>A new stored record for <paramref name="key"/>; the key itself is not kept.</summary>
    public static ApiKeyRecord CreateRecord(string key, string name, IEnumerable<string> scopes, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var scopeList = scopes.Distinct(StringComparer.Ordinal).ToArray();
        var unknown = scopeList.Where(s => !ApiScopes.IsKnown(s)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"Unknown scope {string.Join(", ", unknown.Select(s => $"'{s}'"))}: the scopes are {string.Join(", ", ApiScopes.All)}.",
                nameof(scopes));
        }

        var id = "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var prefix = key.Length <= VisiblePrefixLength ? key : key[..VisiblePrefixLength];
        return new ApiKeyRecord(id, name, prefix, Hash(key), scopeList, createdAt);
    }
}
