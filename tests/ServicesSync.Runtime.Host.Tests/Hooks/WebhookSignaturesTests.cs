using ServicesSync.Webhooks;
using System.Security.Cryptography;
using System.Text;
using ServicesSync.Api.Hooks;

namespace ServicesSync.Host.Tests.Hooks;

public sealed class WebhookSignaturesTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("bamboo-private-key");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"employees":[{"id":"123"}]}""");

    [Fact]
    public void BambooHrMac_IsTheHmacOfBodyFollowedByTimestamp()
    {
        var expected = HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes("""{"employees":[{"id":"123"}]}""" + "1767603600"));

        Assert.Equal(expected, WebhookSignatures.BambooHrMac(Secret, Body, "1767603600"));
    }

    [Fact]
    public void GenericMac_WithATimestamp_SignsTimestampDotBody()
    {
        var expected = HMACSHA256.HashData(Secret, Encoding.UTF8.GetBytes("1767603600." + """{"employees":[{"id":"123"}]}"""));

        Assert.Equal(expected, WebhookSignatures.GenericMac(Secret, Body, "1767603600"));
        Assert.Equal(HMACSHA256.HashData(Secret, Body), WebhookSignatures.GenericMac(Secret, Body, null));
    }

    [Fact]
    public void Matches_AcceptsHexInEitherCaseBase64AndTheSha256Prefix()
    {
        var mac = WebhookSignatures.GenericMac(Secret, Body, null);
        var hex = Convert.ToHexStringLower(mac);

        Assert.True(WebhookSignatures.Matches(hex, mac));
        Assert.True(WebhookSignatures.Matches(hex.ToUpperInvariant(), mac));
        Assert.True(WebhookSignatures.Matches("sha256=" + hex, mac));
        Assert.True(WebhookSignatures.Matches(Convert.ToBase64String(mac), mac));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("not-a-signature")]
    [InlineData("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData("zz112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    public void Matches_AnythingElse_IsFalse(string? header)
        => Assert.False(WebhookSignatures.Matches(header, WebhookSignatures.GenericMac(Secret, Body, null)));

    [Theory]
    [InlineData("1767603600", "2026-01-05T09:00:00Z")]
    [InlineData("1767603600000", "2026-01-05T09:00:00Z")]
    [InlineData("2026-01-05T10:00:00+01:00", "2026-01-05T09:00:00Z")]
    public void TryParseTimestamp_ReadsUnixSecondsMillisecondsAndIso8601(string text, string expected)
    {
        Assert.True(WebhookSignatures.TryParseTimestamp(text, out var parsed));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("-5")]
    [InlineData("99999999999999999999")]
    public void TryParseTimestamp_Garbage_IsFalse(string text)
        => Assert.False(WebhookSignatures.TryParseTimestamp(text, out _));

    [Fact]
    public void InstanceIds_AreDeterministicPerWorkflowTriggerAndIdentity()
    {
        var id = WebhookInstanceIds.For("approved-time", "hook", "delivery:42");

        Assert.Equal(id, WebhookInstanceIds.For("approved-time", "hook", "delivery:42"));
        Assert.NotEqual(id, WebhookInstanceIds.For("approved-time", "hook", "delivery:43"));
        Assert.NotEqual(id, WebhookInstanceIds.For("other", "hook", "delivery:42"));
        Assert.Matches("^hook-[0-9A-HJKMNP-TV-Z]{32}$", id);
    }
}
