using System.Security.Cryptography;
using System.Text;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Webhooks;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

/// <summary>X-BambooHR-Signature = hex HMAC-SHA256(private key, raw body + X-BambooHR-Timestamp).</summary>
public class BambooHrSignatureTests
{
    private const string Key = "8f3b2a1c9d7e6f5a4b3c2d1e0f9a8b7c";
    private static readonly string Body = TestSupport.Sample("bamboohr/event-updated.json");
    private static readonly DateTimeOffset SentAt = new(2026, 3, 2, 14, 5, 13, TimeSpan.Zero);
    private static readonly string Timestamp = SentAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Computed independently of the helper under test, from the documented scheme.
    private static string Expected(string key, string body, string timestamp)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(body + timestamp)));

    private static string? Verify(string body, string? signature, string? timestamp, DateTimeOffset? now = null)
        => BambooHrSignature.Verify(Key, body, signature, timestamp, now ?? SentAt.AddSeconds(20), TimeSpan.FromMinutes(5));

    [Fact]
    public void Verify_GenuineRequest_Passes()
        => Assert.Null(Verify(Body, Expected(Key, Body, Timestamp), Timestamp));

    [Fact]
    public void Verify_UpperCaseHexOrSha256Prefix_Passes()
    {
        Assert.Null(Verify(Body, Expected(Key, Body, Timestamp).ToUpperInvariant(), Timestamp));
        Assert.Null(Verify(Body, "sha256=" + Expected(Key, Body, Timestamp), Timestamp));
    }

    [Fact]
    public void Verify_BodyChangedByOneCharacter_Fails()
        => Assert.Equal(
            "the signature does not match the body (wrong private key, or the body was changed)",
            Verify(Body.Replace("412", "413", StringComparison.Ordinal), Expected(Key, Body, Timestamp), Timestamp));

    [Fact]
    public void Verify_ReserialisedJson_Fails()
    {
        var reserialised = System.Text.Json.Nodes.JsonNode.Parse(Body)!.ToJsonString();

        Assert.NotNull(Verify(reserialised, Expected(Key, Body, Timestamp), Timestamp));
    }

    [Fact]
    public void Verify_OtherKey_Fails()
        => Assert.NotNull(Verify(Body, Expected("another-key", Body, Timestamp), Timestamp));

    [Fact]
    public void Verify_TimestampSwappedForAnother_Fails()
    {
        var later = (SentAt.ToUnixTimeSeconds() + 60).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.NotNull(Verify(Body, Expected(Key, Body, Timestamp), later, SentAt.AddSeconds(60)));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    public void Verify_OutsideTheTolerance_FailsAsAReplay(int seconds)
        => Assert.StartsWith(
            "the request was signed at 2026-03-02 14:05:13Z, more than 5 minutes from now",
            Verify(Body, Expected(Key, Body, Timestamp), Timestamp, SentAt.AddSeconds(-seconds)),
            StringComparison.Ordinal);

    [Fact]
    public void Verify_AtTheEdgeOfTheTolerance_Passes()
        => Assert.Null(Verify(Body, Expected(Key, Body, Timestamp), Timestamp, SentAt.AddMinutes(5)));

    [Theory]
    [InlineData(null, "1772460313", "the X-BambooHR-Signature header is missing")]
    [InlineData("abc", null, "the X-BambooHR-Timestamp header is missing")]
    [InlineData("abc", "yesterday", "the X-BambooHR-Timestamp 'yesterday' is not a Unix time")]
    [InlineData("not-hex", "1772460313", "the signature does not match the body (wrong private key, or the body was changed)")]
    public void Verify_MissingOrMalformedHeaders_SaysWhich(string? signature, string? timestamp, string reason)
        => Assert.Equal(reason, Verify(Body, signature, timestamp));

    [Fact]
    public void HexEquals_DifferentLengthsOrNonHex_AreUnequal()
    {
        Assert.False(WebhookSignatures.HexEquals("abcd", "abcdef"));
        Assert.False(WebhookSignatures.HexEquals("abcd", "zzzz"));
        Assert.False(WebhookSignatures.HexEquals("abcd", null));
        Assert.True(WebhookSignatures.HexEquals("abcd", " ABCD "));
    }

    [Theory]
    [InlineData("1772460313", "2026-03-02T14:05:13+00:00")]
    [InlineData("1772460313000", "2026-03-02T14:05:13+00:00")]
    [InlineData("2026-03-02T14:05:13+0000", "2026-03-02T14:05:13+00:00")]
    [InlineData("2026-03-02T08:05:13-06:00", "2026-03-02T14:05:13+00:00")]
    public void TryParseTimestamp_ReadsUnixSecondsMillisecondsAndIso(string text, string instant)
    {
        Assert.True(WebhookSignatures.TryParseTimestamp(text, out var parsed));
        Assert.Equal(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }
}
