using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// HMAC-SHA256 webhook signatures: the one verifier of the product (BambooHR's scheme included).
/// Comparisons are constant-time; a signature header may be hex or base64, with or without a
/// <c>sha256=</c> prefix (GitHub, Atlassian).
/// </summary>
public static class WebhookSignatures
{
    public const string BambooHrSignatureHeader = "X-BambooHR-Signature";
    public const string BambooHrTimestampHeader = "X-BambooHR-Timestamp";

    /// <summary>
    /// BambooHR: hex HMAC-SHA256, keyed with the webhook's private key, of the raw body followed
    /// directly by the <c>X-BambooHR-Timestamp</c> value (no separator).
    /// </summary>
    public static byte[] BambooHrMac(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string timestamp)
        => Mac(secret, Concat(body, Encoding.UTF8.GetBytes(timestamp)));

    /// <summary>The generic scheme: the body alone, or <c>{timestamp}.{body}</c> when the trigger names a timestamp header (as Stripe and Slack sign).</summary>
    public static byte[] GenericMac(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> body, string? timestamp)
        => timestamp is null ? Mac(secret, body) : Mac(secret, Concat(Encoding.UTF8.GetBytes(timestamp + "."), body));

    public static byte[] Mac(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> content) => HMACSHA256.HashData(secret, content);

    /// <summary>Whether the header carries <paramref name="expected"/>, compared in constant time.</summary>
    public static bool Matches(string? header, ReadOnlySpan<byte> expected)
        => TryDecode(header, out var presented) && CryptographicOperations.FixedTimeEquals(presented, expected);

    /// <summary>Lower-case hex, as BambooHR and most senders write it.</summary>
    public static string ToHex(ReadOnlySpan<byte> mac) => Convert.ToHexStringLower(mac);

    /// <summary>
    /// A send time: Unix seconds (or milliseconds, when the number is that large) or ISO 8601.
    /// </summary>
    public static bool TryParseTimestamp(string? value, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            try
            {
                timestamp = number > 100_000_000_000
                    ? DateTimeOffset.FromUnixTimeMilliseconds(number)
                    : DateTimeOffset.FromUnixTimeSeconds(number);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp);
    }

    private static bool TryDecode(string? header, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        var value = header.Trim();
        if (value.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            value = value["sha256=".Length..];
        }

        if (value.Length == 64)
        {
            try
            {
                bytes = Convert.FromHexString(value);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        Span<byte> decoded = stackalloc byte[48];
        if (Convert.TryFromBase64String(value, decoded, out var written) && written == 32)
        {
            bytes = decoded[..written].ToArray();
            return true;
        }

        return false;
    }

    private static byte[] Concat(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        var all = new byte[first.Length + second.Length];
        first.CopyTo(all);
        second.CopyTo(all.AsSpan(first.Length));
        return all;
    }
}
