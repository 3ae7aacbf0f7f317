using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Connections.Tests.Management;

public sealed class ConnectionServiceTests
{
    private const string Canary = "canary-7f3e-password";
    private static readonly string KeyA = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray());
    private static readonly string KeyB = Convert.ToBase64String(Enumerable.Repeat((byte)2, 32).ToArray());
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static ConnectionDefinition Tryton(string user = "admin") => new()
    {
        Type = ConnectionTypes.Tryton,
        BaseUrl = "http://127.0.0.1:8000/",
        Auth = new ConnectionAuth { Kind = AuthKinds.TrytonSession, Username = user, Database = "erp" },
    };

    [Fact]
    public async Task CreateAsync_StoresTheSecretEncryptedAndGetAsyncDecryptsIt()
    {
        await using var harness = new ConnectionsHarness();

        await harness.Connections.CreateAsync("erp", Tryton(), new Dictionary<string, string> { ["password"] = Canary }, Ct);

        var stored = await harness.Get<IWorkflowStore>().GetConnectionAsync("erp", Ct);
        Assert.DoesNotContain(Canary, stored!.Secret!.Ciphertext + stored.SettingsJson, StringComparison.Ordinal);
        Assert.Equal(Canary, (await harness.Connections.GetAsync("erp", Ct)).Secrets.Get("password"));
        var summary = Assert.Single(await harness.Connections.ListAsync(Ct));
        Assert.True(summary.HasSecret);
        Assert.DoesNotContain(Canary, ConnectionJson.ToView(summary).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_MissingSecretAndBadUrl_ReportsBothProblemsAtOnce()
    {
        await using var harness = new ConnectionsHarness();

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Connections.CreateAsync(
            "erp", Tryton() with { BaseUrl = "ftp://x" }, new Dictionary<string, string>(), Ct));

        Assert.Equal(ErrorKind.Validation, error.Kind);
        Assert.Contains("baseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("auth.password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateAsync_WithoutTheSecret_KeepsTheStoredOneWhileTheKindStays()
    {
        await using var harness = new ConnectionsHarness();
        await harness.Connections.CreateAsync("erp", Tryton(), new Dictionary<string, string> { ["password"] = Canary }, Ct);

        await harness.Connections.UpdateAsync("erp", Tryton("ops"), new Dictionary<string, string>(), null, Ct);

        var connection = await harness.Connections.GetAsync("erp", Ct);
        Assert.Equal("ops", connection.Definition.Auth.Username);
        Assert.Equal(Canary, connection.Secrets.Get("password"));
    }

    [Fact]
    public async Task UpdateAsync_StaleETag_ThrowsConflict()
    {
        await using var harness = new ConnectionsHarness();
        var created = await harness.Connections.CreateAsync("erp", Tryton(), new Dictionary<string, string> { ["password"] = Canary }, Ct);
        await harness.Connections.UpdateAsync("erp", Tryton("ops"), new Dictionary<string, string>(), created.ETag, Ct);

        await Assert.ThrowsAsync<ConflictException>(() => harness.Connections.UpdateAsync("erp", Tryton("x"), new Dictionary<string, string>(), created.ETag, Ct));
    }

    [Fact]
    public async Task GetAsync_UnknownId_IsAConfigurationErrorNamingIt()
    {
        await using var harness = new ConnectionsHarness();

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.Connections.GetAsync("ghost", Ct));

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateAsync_AfterANewKey_RewritesEveryRecordAndLosesNothing()
    {
        // Written under key A.
        await using var before = new ConnectionsHarness(settings: new Dictionary<string, string?> { ["ServicesSync:Secrets:Key"] = KeyA });
        await before.Connections.CreateAsync("erp", Tryton(), new Dictionary<string, string> { ["password"] = Canary }, Ct);
        await before.Connections.CreateAsync("crm", Tryton(), new Dictionary<string, string> { ["password"] = Canary + "-2" }, Ct);
        var records = await before.Get<IWorkflowStore>().ListConnectionsAsync(Ct);

        // Key B is current, A is listed as previous: everything still reads, then rotation rewrites.
        await using var during = new ConnectionsHarness(settings: new Dictionary<string, string?>
        {
            ["ServicesSync:Secrets:Key"] = KeyB,
            ["ServicesSync:Secrets:PreviousKeys:0"] = KeyA,
        });
        foreach (var record in records)
        {
            await during.Get<IWorkflowStore>().AddConnectionAsync(record, Ct);
        }

        Assert.Equal(Canary, (await during.Connections.GetAsync("erp", Ct)).Secrets.Get("password"));
        Assert.Equal(2, await during.Connections.RotateAsync(Ct));
        Assert.Equal(0, await during.Connections.RotateAsync(Ct));
        var rotated = await during.Get<IWorkflowStore>().ListConnectionsAsync(Ct);

        // Key A removed: the rotated records still decrypt with B alone.
        await using var after = new ConnectionsHarness(settings: new Dictionary<string, string?> { ["ServicesSync:Secrets:Key"] = KeyB });
        foreach (var record in rotated)
        {
            await after.Get<IWorkflowStore>().AddConnectionAsync(record, Ct);
        }

        Assert.Equal(Canary, (await after.Connections.GetAsync("erp", Ct)).Secrets.Get("password"));
        Assert.Equal(Canary + "-2", (await after.Connections.GetAsync("crm", Ct)).Secrets.Get("password"));
        Assert.All(rotated, r => Assert.NotEqual(records.Single(o => o.Id == r.Id).Secret!.KeyId, r.Secret!.KeyId));
    }

    [Fact]
    public async Task GetAsync_RecordOfARemovedKeyWithoutRotation_FailsClearly()
    {
        await using var before = new ConnectionsHarness(settings: new Dictionary<string, string?> { ["ServicesSync:Secrets:Key"] = KeyA });
        await before.Connections.CreateAsync("erp", Tryton(), new Dictionary<string, string> { ["password"] = Canary }, Ct);
        var record = (await before.Get<IWorkflowStore>().GetConnectionAsync("erp", Ct))!;
        await using var after = new ConnectionsHarness(settings: new Dictionary<string, string?> { ["ServicesSync:Secrets:Key"] = KeyB });
        await after.Get<IWorkflowStore>().AddConnectionAsync(record, Ct);

        var error = await Assert.ThrowsAsync<ServicesSyncException>(() => after.Connections.GetAsync("erp", Ct));

        Assert.Contains(record.Secret!.KeyId, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.Message, StringComparison.Ordinal);
    }
}
