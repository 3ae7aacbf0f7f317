using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServicesSync.Webhooks;

/// <summary>
/// Building blocks for verifying signed webhooks (BambooHR, GitHub-style <c>sha256=…</c>,
/// Stripe-style timestamped signatures): HMAC-SHA256, a constant-time comparison of hex digests,
/// and a replay window on the sender's timestamp. Shared by the vendor triggers and the generic
/// webhook trigger, so every verifier compares in constant time and reads timestamps alike.
/// </summary>
public static class WebhookSignatures
{
    /// <summary>Lower-case hex HMAC-SHA256 of <paramref name="payload"/> under <paramref name="key"/>.</summary>
    public static string HmacSha256Hex(ReadOnlySpan<byte> key, ReadOnlySpan<byte> payload)
        => Convert.ToHexStringLower(HMACSHA256.HashData(key, payload));

    /// <summary>HMAC-SHA256 of UTF-8 text under a UTF-8 secret, lower-case hex.</summary>
    public static string HmacSha256Hex(string key, string payload)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(payload);
        return HmacSha256Hex(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payload));
    }

    /// <summary>
    /// Whether two hex digests are equal, in time independent of where they differ (a plain
    /// string comparison leaks, through its timing, how many leading characters matched). Case
    /// and an optional <c>sha256=</c> prefix on <paramref name="received"/> are ignored; a value
    /// that is not hex is simply unequal.
    /// </summary>
    public static bool HexEquals(string expected, string? received)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (string.IsNullOrWhiteSpace(received))
        {
            return false;
        }

        var text = received.Trim();
        if (text.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            text = text["sha256=".Length..];
        }

        byte[] left;
        byte[] right;
        try
        {
            left = Convert.FromHexString(expected);
            right = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(left, right);
    }

    /// <summary>
    /// Reads a sender timestamp: Unix seconds (what most senders put in a header), Unix
    /// milliseconds (13 digits or more), or an ISO 8601 instant.
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                timestamp = trimmed.Length >= 13 ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    /// <summary>Whether <paramref name="timestamp"/> is within <paramref name="tolerance"/> of <paramref name="now"/>, either side (clocks drift both ways).</summary>
    public static bool IsFresh(DateTimeOffset timestamp, DateTimeOffset now, TimeSpan tolerance)
        => (now - timestamp).Duration() <= tolerance;
}
