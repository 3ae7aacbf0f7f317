using ServicesSync.Api.Security;
using ServicesSync.Host.Common;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Cli;

public sealed class ApiKeyCommandTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private string Data => folder.Combine("data");

    [Fact]
    public async Task Create_PrintsTheKeyAloneOnTheLastLine_AndStoresOnlyItsHash()
    {
        var result = await CliRunner.RunAsync("apikey", "create", "--data", Data, "--scopes", "read,run", "--name", "ci");

        result.AssertExit(ExitCodes.Ok);
        var key = result.OutputLines[^1];
        Assert.Matches("^ss_[A-Za-z0-9_-]{43}$", key);
        var keys = await StoreInspection.ReadAsync(Data, s => s.ListApiKeysAsync(CancellationToken.None));
        var record = Assert.Single(keys);
        Assert.Equal(ApiKeys.Hash(key), record.Hash);
        Assert.Equal(["read", "run"], record.Scopes);
        Assert.Equal("ci", record.Name);
        Assert.DoesNotContain(key, System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(Data, "servicessync.db"))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("read,admin", "unknown scope 'admin'")]
    [InlineData(",", "no scope given")]
    public async Task Create_WithABadScope_Exits2AndStoresNothing(string scopes, string message)
    {
        var result = await CliRunner.RunAsync("apikey", "create", "--data", Data, "--scopes", scopes);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains(message, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Theory]
    [InlineData("ops\nCreated API key forged")]
    [InlineData("ops\u001b[2J")]
    public async Task Create_WithControlCharactersInTheName_Exits2AndStoresNothing(string name)
    {
        var result = await CliRunner.RunAsync("apikey", "create", "--data", Data, "--scopes", "read", "--name", name);

        result.AssertExit(ExitCodes.InvalidInput);
        Assert.Contains("--name: use at most 100 printable characters", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Data));
    }

    [Fact]
    public async Task ListAndRevoke_ShowAndRevokeKeys_AndAnUnknownIdExits4()
    {
        (await CliRunner.RunAsync("apikey", "create", "--data", Data, "--scopes", "read", "--name", "reader")).AssertExit(ExitCodes.Ok);
        var id = (await StoreInspection.ReadAsync(Data, s => s.ListApiKeysAsync(CancellationToken.None)))[0].Id;

        var listed = await CliRunner.RunAsync("apikey", "list", "--data", Data);
        var revoked = await CliRunner.RunAsync("apikey", "revoke", id, "--data", Data);
        var relisted = await CliRunner.RunAsync("apikey", "list", "--data", Data);
        var unknown = await CliRunner.RunAsync("apikey", "revoke", "key_nope", "--data", Data);

        listed.AssertExit(ExitCodes.Ok);
        Assert.Contains(listed.OutputLines, l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("active", StringComparison.Ordinal) && l.EndsWith("reader", StringComparison.Ordinal));
        revoked.AssertExit(ExitCodes.Ok);
        Assert.Contains(relisted.OutputLines, l => l.StartsWith(id, StringComparison.Ordinal) && l.Contains("revoked", StringComparison.Ordinal));
        unknown.AssertExit(ExitCodes.NotFound);
        Assert.Contains("key_nope", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithAMissingDataDirectory_Exits5()
    {
        var result = await CliRunner.RunAsync("apikey", "list", "--data", folder.Combine("absent"));

        result.AssertExit(ExitCodes.DataUnavailable);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Dispose();
}
