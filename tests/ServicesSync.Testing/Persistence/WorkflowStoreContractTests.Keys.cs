using ServicesSync.Errors;
using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetIdempotencyRecordAsync_UnknownKey_ReturnsNull()
        => Assert.Null(await Store.GetIdempotencyRecordAsync("netsuite:timeEntry:1", Ct));

    [Fact]
    public async Task PutIdempotencyRecordAsync_ThenGet_RoundTripsAndReplaces()
    {
        var first = new IdempotencyRecord("netsuite:timeEntry:10042", """{"internalId":"881"}""", At(1));
        var replaced = new IdempotencyRecord("netsuite:timeEntry:10042", null, At(2));

        await Store.PutIdempotencyRecordAsync(first, Ct);
        Assert.Equal(first, await Store.GetIdempotencyRecordAsync(first.Key, Ct));

        await Store.PutIdempotencyRecordAsync(replaced, Ct);
        Assert.Equal(replaced, await Store.GetIdempotencyRecordAsync(first.Key, Ct));
    }

    [Fact]
    public async Task PutIdempotencyRecordAsync_KeysDifferingOnlyInCase_AreDifferentRecords()
    {
        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord("erp:ABC", "1", At(1)), Ct);
        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord("erp:abc", "2", At(1)), Ct);

        Assert.Equal("1", (await Store.GetIdempotencyRecordAsync("erp:ABC", Ct))!.ResultJson);
        Assert.Equal("2", (await Store.GetIdempotencyRecordAsync("erp:abc", Ct))!.ResultJson);
    }

    [Fact]
    public async Task PutIdempotencyRecordAsync_VeryLongKey_IsStoredAndFound()
    {
        var key = "rest:" + new string('k', 5000);
        var similar = "rest:" + new string('k', 4999) + "j";

        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord(key, "1", At(1)), Ct);

        Assert.Equal(key, (await Store.GetIdempotencyRecordAsync(key, Ct))!.Key);
        Assert.Null(await Store.GetIdempotencyRecordAsync(similar, Ct));
    }

    [Fact]
    public async Task PruneIdempotencyRecordsAsync_DeletesRecordsBeforeTheCutoff()
    {
        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord("old", null, At(1)), Ct);
        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord("older", null, At(0)), Ct);
        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord("at-cutoff", null, At(5)), Ct);
        await Store.PutIdempotencyRecordAsync(new IdempotencyRecord("new", null, At(9)), Ct);

        Assert.Equal(2, await Store.PruneIdempotencyRecordsAsync(At(5), Ct));

        Assert.Null(await Store.GetIdempotencyRecordAsync("old", Ct));
        Assert.Null(await Store.GetIdempotencyRecordAsync("older", Ct));
        Assert.NotNull(await Store.GetIdempotencyRecordAsync("at-cutoff", Ct));
        Assert.NotNull(await Store.GetIdempotencyRecordAsync("new", Ct));
    }

    [Fact]
    public async Task AddApiKeyAsync_ThenFindByHashAndList_RoundTrips()
    {
        var key = ApiKey("k1", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        var older = ApiKey("k0", "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", At(-10));

        await Store.AddApiKeyAsync(key, Ct);
        await Store.AddApiKeyAsync(older, Ct);

        StoreAssert.Equivalent(key, await Store.FindApiKeyByHashAsync(key.Hash, Ct));
        Assert.Null(await Store.FindApiKeyByHashAsync(key.Hash.ToUpperInvariant(), Ct));
        StoreAssert.Equivalent(new[] { older, key }, await Store.ListApiKeysAsync(Ct));
    }

    [Fact]
    public async Task AddApiKeyAsync_TakenIdOrHash_ThrowsConflictAndKeepsTheFirst()
    {
        await Store.AddApiKeyAsync(ApiKey("k1", "aaaaaaaa"), Ct);

        await Assert.ThrowsAsync<ConflictException>(() => Store.AddApiKeyAsync(ApiKey("k1", "bbbbbbbb"), Ct));
        await Assert.ThrowsAsync<ConflictException>(() => Store.AddApiKeyAsync(ApiKey("k2", "aaaaaaaa"), Ct));

        Assert.Equal(["k1"], (await Store.ListApiKeysAsync(Ct)).Select(k => k.Id));
        Assert.Null(await Store.FindApiKeyByHashAsync("bbbbbbbb", Ct));
    }

    [Fact]
    public async Task RevokeApiKeyAsync_SetsRevocationTimeOnceAndReportsUnknownIds()
    {
        await Store.AddApiKeyAsync(ApiKey("k1", "aaaaaaaa"), Ct);

        Assert.True(await Store.RevokeApiKeyAsync("k1", At(5), Ct));
        Assert.True(await Store.RevokeApiKeyAsync("k1", At(9), Ct));
        Assert.False(await Store.RevokeApiKeyAsync("missing", At(5), Ct));

        Assert.Equal(At(5), (await Store.FindApiKeyByHashAsync("aaaaaaaa", Ct))!.RevokedAt);
        Assert.Equal(At(5), Assert.Single(await Store.ListApiKeysAsync(Ct)).RevokedAt);
    }
}
