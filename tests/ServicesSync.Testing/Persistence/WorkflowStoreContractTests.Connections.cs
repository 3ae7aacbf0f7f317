using ServicesSync.Errors;
using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetConnectionAsync_UnknownId_ReturnsNull()
        => Assert.Null(await Store.GetConnectionAsync("erp", Ct));

    [Fact]
    public async Task AddConnectionAsync_ThenGetAndList_RoundTripsWithAnETag()
    {
        var erp = Connection("erp", secret: new StoredSecret("k-1", "AAEC"));
        var crm = Connection("crm", secret: null);

        var added = await Store.AddConnectionAsync(erp, Ct);
        await Store.AddConnectionAsync(crm, Ct);

        Assert.False(string.IsNullOrEmpty(added.ETag));
        StoreAssert.Equivalent(added, await Store.GetConnectionAsync("erp", Ct));
        Assert.Equal(["crm", "erp"], (await Store.ListConnectionsAsync(Ct)).Select(c => c.Id));
        Assert.Null((await Store.GetConnectionAsync("crm", Ct))!.Secret);
    }

    [Fact]
    public async Task AddConnectionAsync_TakenId_ThrowsConflictAndKeepsTheFirst()
    {
        await Store.AddConnectionAsync(Connection("erp", type: "tryton"), Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Store.AddConnectionAsync(Connection("erp", type: "netsuite"), Ct));

        Assert.Equal("tryton", (await Store.GetConnectionAsync("erp", Ct))!.Type);
    }

    [Fact]
    public async Task UpdateConnectionAsync_KeepsCreationTimeAndChangesTheETag()
    {
        var added = await Store.AddConnectionAsync(Connection("erp"), Ct);
        var change = Connection("erp", type: "netsuite", secret: new StoredSecret("k-2", "BBBB"), createdAt: At(50), updatedAt: At(60));

        var updated = await Store.UpdateConnectionAsync(change, added.ETag, Ct);

        Assert.NotNull(updated);
        Assert.NotEqual(added.ETag, updated.ETag);
        var read = await Store.GetConnectionAsync("erp", Ct);
        Assert.Equal(At(0), read!.CreatedAt);
        Assert.Equal(At(60), read.UpdatedAt);
        Assert.Equal(new StoredSecret("k-2", "BBBB"), read.Secret);
        Assert.Equal("netsuite", read.Type);
    }

    [Fact]
    public async Task UpdateConnectionAsync_StaleETag_ThrowsConflictAndChangesNothing()
    {
        var added = await Store.AddConnectionAsync(Connection("erp"), Ct);
        await Store.UpdateConnectionAsync(Connection("erp", type: "redmine"), added.ETag, Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Store.UpdateConnectionAsync(Connection("erp", type: "jira"), added.ETag, Ct));

        Assert.Equal("redmine", (await Store.GetConnectionAsync("erp", Ct))!.Type);
    }

    [Fact]
    public async Task UpdateConnectionAsync_UnknownId_ReturnsNullAndAddsNothing()
    {
        Assert.Null(await Store.UpdateConnectionAsync(Connection("ghost"), expectedETag: null, Ct));
        Assert.Empty(await Store.ListConnectionsAsync(Ct));
    }

    [Fact]
    public async Task DeleteConnectionAsync_RemovesOnceAndReportsUnknownIds()
    {
        await Store.AddConnectionAsync(Connection("erp"), Ct);

        Assert.True(await Store.DeleteConnectionAsync("erp", Ct));
        Assert.False(await Store.DeleteConnectionAsync("erp", Ct));
        Assert.Null(await Store.GetConnectionAsync("erp", Ct));
    }

    private static ConnectionRecord Connection(
        string id, string type = "tryton", StoredSecret? secret = null, DateTimeOffset? createdAt = null, DateTimeOffset? updatedAt = null)
        => new(id, type, """{"baseUrl":"http://127.0.0.1:8000/","auth":{"kind":"none"}}""", secret, createdAt ?? At(0), updatedAt ?? At(0));
}
