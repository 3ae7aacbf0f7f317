using ServicesSync.Connections.Secrets;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Connections.Tests.Secrets;

public sealed class SecretProtectorTests
{
    private const string Canary = "canary-Zq81-secret";
    private static readonly Dictionary<string, string> Values = new() { ["password"] = Canary };

    [Fact]
    public void Protect_ThenUnprotect_RoundTripsWithoutTheValueInTheCiphertext()
    {
        var protector = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), []));

        var stored = protector.Protect("erp", Values);

        Assert.Equal(protector.CurrentKeyId, stored.KeyId);
        Assert.DoesNotContain(Canary, stored.Ciphertext, StringComparison.Ordinal);
        Assert.Equal(Canary, protector.Unprotect("erp", stored)["password"]);
    }

    [Fact]
    public void Protect_Twice_UsesAFreshNonceEachTime()
    {
        var protector = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), []));

        Assert.NotEqual(protector.Protect("erp", Values).Ciphertext, protector.Protect("erp", Values).Ciphertext);
    }

    [Fact]
    public void Unprotect_CiphertextOfAnotherConnection_FailsAsConfigurationWithoutTheValue()
    {
        var protector = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), []));
        var stored = protector.Protect("erp", Values);

        var error = Assert.Throws<ServicesSyncException>(() => protector.Unprotect("crm", stored));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("'crm'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_TamperedCiphertext_Fails()
    {
        var protector = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), []));
        var stored = protector.Protect("erp", Values);
        var bytes = Convert.FromBase64String(stored.Ciphertext);
        bytes[^1] ^= 1;

        Assert.Throws<ServicesSyncException>(() => protector.Unprotect("erp", stored with { Ciphertext = Convert.ToBase64String(bytes) }));
    }

    [Fact]
    public void Unprotect_KeyThatIsNotConfigured_NamesTheKeyIdAndTheSetting()
    {
        var old = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), []));
        var stored = old.Protect("erp", Values);
        var current = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), []));

        var error = Assert.Throws<ServicesSyncException>(() => current.Unprotect("erp", stored));

        Assert.Contains(stored.KeyId, error.Message, StringComparison.Ordinal);
        Assert.Contains("PreviousKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unprotect_WithThePreviousKeyListed_Decrypts()
    {
        var oldKey = SecretKey.Generate();
        var stored = new SecretProtector(new SecretKeyRing(oldKey, [])).Protect("erp", Values);
        var rotated = new SecretProtector(new SecretKeyRing(SecretKey.Generate(), [oldKey]));

        Assert.Equal(Canary, rotated.Unprotect("erp", stored)["password"]);
        Assert.NotEqual(stored.KeyId, rotated.Protect("erp", Values).KeyId);
    }

    [Fact]
    public void Parse_NotThirtyTwoBytes_NamesTheSettingButNotTheValue()
    {
        var error = Assert.Throws<ServicesSyncException>(() => SecretKey.Parse("c2hvcnQta2V5", "ServicesSync:Secrets:Key"));

        Assert.Contains("ServicesSync:Secrets:Key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQta2V5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyId_IsAFingerprintOfTheKey()
    {
        var material = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        Assert.Equal(SecretKey.FromBytes(material).Id, SecretKey.FromBytes([.. material]).Id);
        Assert.NotEqual(SecretKey.FromBytes(material).Id, SecretKey.Generate().Id);
    }

    internal static StoredSecret Protect(SecretKey key, string id) => new SecretProtector(new SecretKeyRing(key, [])).Protect(id, Values);
}
