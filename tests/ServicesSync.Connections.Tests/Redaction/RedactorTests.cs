using ServicesSync.Connections.Http;

namespace ServicesSync.Connections.Tests.Redaction;

public sealed class RedactorTests
{
    [Theory]
    [InlineData("token=s3cr%2Bt%2Fx%3D%3D&a=1", "token=***&a=1")]
    [InlineData("token=s3cr%2bt%2fx%3d%3d", "token=***")]
    [InlineData("{\"t\":\"s3cr\\u002Bt/x==\"}", "{\"t\":\"***\"}")]
    [InlineData("Basic czNjcit0L3g9PQ==", "Basic ***")]
    [InlineData("s3cr+t/x==", "***")]
    public void Scrub_TheSecretInAnyEncoding_IsMasked(string text, string expected)
        => Assert.Equal(expected, Redactor.Scrub(text, ["s3cr+t/x=="]));

    [Fact]
    public void Scrub_ValuesShorterThanFourCharacters_AreLeftAlone()
        => Assert.Equal("a abc b", Redactor.Scrub("a abc b", ["abc"]));

    [Fact]
    public void Forms_InData_LeaveShortSecretsAlone()
    {
        Assert.Empty(Redactor.Forms(["admin"], Redactor.MinimumLengthInData));
        Assert.Contains("admin", Redactor.Forms(["admin"]));
    }
}
