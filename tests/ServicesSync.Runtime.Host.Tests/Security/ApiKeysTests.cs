using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Security;

public sealed class ApiKeysTests
{
    [Fact]
    public void Generate_IsPrefixedBase64UrlOf32RandomBytes()
    {
        var first = ApiKeys.Generate();
        var second = ApiKeys.Generate();

        Assert.Matches("^ss_[A-Za-z0-9_-]{43}$", first);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Hash_IsTheLowercaseHexSha256OfTheKey()
        => Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeys.Hash("abc"));

    [Fact]
    public void CreateRecord_KeepsOnlyTheHashAndAShortPrefix()
    {
        var key = ApiKeys.Generate();
        var now = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var record = ApiKeys.CreateRecord(key, "ci", ["run", "read", "run"], now);

        Assert.Equal(ApiKeys.Hash(key), record.Hash);
        Assert.Equal(key[..ApiKeys.VisiblePrefixLength], record.Prefix);
        Assert.Equal(["run", "read"], record.Scopes);
        Assert.StartsWith("key_", record.Id, StringComparison.Ordinal);
        Assert.Equal(now, record.CreatedAt);
        Assert.Null(record.RevokedAt);
    }

    [Fact]
    public void CreateRecord_UnknownScope_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ApiKeys.CreateRecord(ApiKeys.Generate(), "x", ["read", "admin"], DateTimeOffset.UnixEpoch));

        Assert.Contains("'admin'", error.Message, StringComparison.Ordinal);
    }
}
