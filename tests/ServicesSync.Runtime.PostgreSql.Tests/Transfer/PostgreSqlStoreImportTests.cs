using Microsoft.Extensions.Time.Testing;
using ServicesSync.Errors;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Persistence.Transfer;
using ServicesSync.Testing.Persistence;
using ServicesSync.Testing.RealSystems;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Runtime.PostgreSql.Tests.Transfer;

public sealed class PostgreSqlStoreImportTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Import_KeepsVersionNumbersTimesAndETags_WhereTheContractWouldAssignThem()
    {
        await using var store = await OpenAsync("import_asis");
        var draft = new WorkflowDraft(Definition() with { Version = 0 }, "etag-from-litedb", At(3));
        var retired = new PublishedWorkflow(Definition() with { Version = 7 }, At(1), "ann") { Retired = true };

        await store.ImportAsync(new StoreBatch { Drafts = [draft], Versions = [retired] }, Ct);

        StoreAssert.Equivalent(draft, await store.GetDraftAsync(draft.Definition.Id, Ct));
        StoreAssert.Equivalent(retired, await store.GetPublishedAsync(retired.Id, 7, Ct));
        Assert.Null(await store.GetPublishedAsync(retired.Id, null, Ct));
    }

    [Fact]
    public async Task Import_OfARecordTheStoreHolds_IsAConflict_AndWritesNothingOfTheBatch()
    {
        await using var store = await OpenAsync("import_conflict");
        await store.ImportAsync(new StoreBatch { Instances = [Instance("i-1")] }, Ct);

        await Assert.ThrowsAsync<ConflictException>(() => store.ImportAsync(
            new StoreBatch { Instances = [Instance("i-2"), Instance("i-1")], Journal = [Entry("i-2", 0)] }, Ct));

        var counts = await store.CountAsync(Ct);
        Assert.Equal(1, counts[StoreRecordKind.Instances]);
        Assert.Equal(0, counts[StoreRecordKind.Journal]);
        Assert.Null(await store.GetAsync("i-2", Ct));
    }

    private static async Task<PostgreSqlWorkflowStore> OpenAsync(string purpose)
        => new(new PostgreSqlStoreOptions { ConnectionString = await PostgreSqlServer.CreateScratchAsync(purpose) }, new FakeTimeProvider(Epoch));
}
