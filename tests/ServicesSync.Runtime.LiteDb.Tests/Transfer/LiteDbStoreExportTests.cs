using Microsoft.Extensions.Time.Testing;
using ServicesSync.Persistence;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Persistence.Transfer;
using ServicesSync.Testing.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Runtime.LiteDb.Tests.Transfer;

public sealed class LiteDbStoreExportTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(500)]
    public async Task Export_HandsOutEveryJournalEntryOnceInKeyOrder_InPagesOfOneKindAndAtMostThePageSize(int pageSize)
    {
        await using var store = Open();
        var journal = Enumerable.Range(0, 12).Select(i => Entry("i-1", i)).Concat([FullEntry("i-10", 0)]).ToArray();
        await store.CommitAsync([Commit(Instance("i-1") with { JournalLength = 12 }, journal[..12]), Commit(Instance("i-10"), journal[12])], Ct);
        await store.PutWatermarkAsync(new WatermarkRecord("wf", "since", "1", Epoch, null), Ct);

        var batches = new List<StoreBatch>();
        await foreach (var batch in store.ExportAsync(pageSize, Ct))
        {
            batches.Add(batch);
        }

        Assert.All(batches, b => Assert.InRange(b.Counts.Total, 1, pageSize));
        Assert.All(batches, b => Assert.Single(Enum.GetValues<StoreRecordKind>(), kind => b.Counts[kind] > 0));
        StoreAssert.Equivalent(journal, batches.SelectMany(b => b.Journal));
        Assert.Equal(2, batches.Sum(b => b.Instances.Count));
        Assert.Equal("since", Assert.Single(batches.SelectMany(b => b.Watermarks)).Name);
    }

    [Fact]
    public async Task Count_CountsEveryKind_RetiredVersionsAndDispatchedEventsIncluded()
    {
        await using var store = Open();
        await store.PublishAsync(Definition(), "ann", Ct);
        await store.DeleteAsync(Definition().Id, null, Ct);
        await store.AddEventAsync(new OutboxEvent { Id = "e-1", Name = "x", CreatedAt = Epoch }, Ct);
        await store.MarkEventDispatchedAsync("e-1", At(1), Ct);

        var counts = await store.CountAsync(Ct);

        Assert.Equal(1, counts[StoreRecordKind.Versions]);
        Assert.Equal(1, counts[StoreRecordKind.Events]);
        Assert.Equal(2, counts.Total);
        Assert.Equal("1 published version, 1 event", counts.Describe());
    }

    private LiteDbWorkflowStore Open()
        => new(new LiteDbStoreOptions { DataDirectory = _directory.Path }, new FakeTimeProvider(Epoch));
}
