using ServicesSync.Webhooks;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// BambooHR signs each webhook with the webhook's private key: <c>X-BambooHR-Signature</c> is the
/// hex HMAC-SHA256 of the raw request body followed by the <c>X-BambooHR-Timestamp</c> value.
/// The body must be the bytes as received: re-serialised JSON does not verify.
/// </summary>
internal static class BambooHrSignature
{
    public static string Compute(string privateKey, string rawBody, string timestamp)
        => WebhookSignatures.HmacSha256Hex(privateKey, rawBody + timestamp);

    /// <summary>Null when the request is authentic and fresh; otherwise why it is not.</summary>
    public static string? Verify(string privateKey, string rawBody, string? signature, string? timestamp, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return "the X-BambooHR-Signature header is missing";
        }

        if (string.IsNullOrWhiteSpace(timestamp))
        {
            return "the X-BambooHR-Timestamp header is missing";
        }

        if (!WebhookSignatures.TryParseTimestamp(timestamp, out var sent))
        {
            return $"the X-BambooHR-Timestamp '{timestamp}' is not a Unix time";
        }

        // The signature is checked before freshness so a forged request learns nothing about the clock.
        if (!WebhookSignatures.HexEquals(Compute(privateKey, rawBody, timestamp.Trim()), signature))
        {
            return "the signature does not match the body (wrong private key, or the body was changed)";
        }

        return WebhookSignatures.IsFresh(sent, now, tolerance)
            ? null
            : $"the request was signed at {sent:u}, more than {tolerance.TotalMinutes:0.#} minutes from now (a replay?)";
    }
}
