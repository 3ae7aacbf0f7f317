using System.Security.Cryptography;
using System.Text;

namespace ServicesSync.Triggers;

/// <summary>
/// Run ids derived from what makes a start unique (a schedule occurrence, a dropped file): a
/// prefix and 32 Crockford base32 digits of a SHA-256. Whoever computes the id for the same
/// occurrence gets the same one, so the runtime's idempotent start never runs it twice.
/// </summary>
internal static class DerivedIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(string prefix, params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        var text = new StringBuilder(prefix, prefix.Length + 32);
        for (var bit = 0; bit < 160; bit += 5)
        {
            var window = (hash[bit / 8] << 8) | hash[(bit / 8) + 1];
            text.Append(Alphabet[(window >> (11 - (bit % 8))) & 31]);
        }

        return text.ToString();
    }
}
