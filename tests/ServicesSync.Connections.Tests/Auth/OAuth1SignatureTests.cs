using ServicesSync.Connections.Auth;

namespace ServicesSync.Connections.Tests.Auth;

public sealed class OAuth1SignatureTests
{
    // The vector was derived outside .NET, following RFC 5849 section 3.4 step by step with
    // Python's hmac and urllib.parse.quote(safe="-._~"): query and oauth_* parameters encoded,
    // sorted by name then value, joined; the base URL without its query; key = encoded consumer
    // secret & encoded token secret; HMAC-SHA256; base64. Secrets hold '/' and '+' on purpose.
    private static readonly Uri Url = new(
        "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/record/v1/timebill/eid:jira%3A10023?expandSubResources=true&note=a%20b%2Bc");

    private static readonly OAuth1Signature.Parameters Parameters = new(
        "1234567_SB1", "ck-4f2a", "cs-secret/1", "tk-9b1c", "ts-secret+2", "a1b2c3d4e5f6", 1767603600);

    [Fact]
    public void BaseString_FollowsRfc5849()
        => Assert.Equal(
            "PUT&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Frecord%2Fv1%2Ftimebill%2Feid%3Ajira%253A10023"
            + "&expandSubResources%3Dtrue%26note%3Da%2520b%252Bc%26oauth_consumer_key%3Dck-4f2a%26oauth_nonce%3Da1b2c3d4e5f6"
            + "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1767603600%26oauth_token%3Dtk-9b1c%26oauth_version%3D1.0",
            OAuth1Signature.BaseString(HttpMethod.Put, Url, Parameters));

    [Fact]
    public void Sign_KnownVector_MatchesTheIndependentDerivation()
        => Assert.Equal("B/Gd4ivuGm7sTXhLDalGN9T+FfRfSEkDCuXf0s2NzpI=", OAuth1Signature.Sign(HttpMethod.Put, Url, Parameters));

    [Fact]
    public void AuthorizationHeader_CarriesRealmAndEncodedSignatureButNoSecret()
    {
        var header = OAuth1Signature.AuthorizationHeader(HttpMethod.Put, Url, Parameters);

        Assert.StartsWith("OAuth realm=\"1234567_SB1\", oauth_consumer_key=\"ck-4f2a\", oauth_token=\"tk-9b1c\"", header, StringComparison.Ordinal);
        Assert.Contains("oauth_signature=\"B%2FGd4ivuGm7sTXhLDalGN9T%2BFfRfSEkDCuXf0s2NzpI%3D\"", header, StringComparison.Ordinal);
        Assert.DoesNotContain("cs-secret", header, StringComparison.Ordinal);
        Assert.DoesNotContain("ts-secret", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abcXYZ019-._~", "abcXYZ019-._~")]
    [InlineData("a b+c/d", "a%20b%2Bc%2Fd")]
    [InlineData("é", "%C3%A9")]
    public void Encode_KeepsUnreservedAndEscapesTheRestAsUpperHexUtf8(string value, string expected)
        => Assert.Equal(expected, OAuth1Signature.Encode(value));

    [Theory]
    [InlineData("1234567-sb1", "1234567_SB1")]
    [InlineData(" tstdrv123 ", "TSTDRV123")]
    public void Realm_IsTheAccountIdInUpperCaseWithUnderscores(string accountId, string realm)
        => Assert.Equal(realm, NetSuiteTokenAuthenticator.Realm(accountId));
}
