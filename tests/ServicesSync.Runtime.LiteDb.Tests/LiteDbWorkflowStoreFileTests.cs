using Microsoft.Extensions.Time.Testing;
using ServicesSync.Errors;
using ServicesSync.Persistence;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Testing.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Runtime.LiteDb.Tests;

/// <summary>What only a store on a file has: reopening, exclusive ownership, damage, compaction.</summary>
public sealed class LiteDbWorkflowStoreFileTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new(Epoch);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Open_MissingDataDirectory_CreatesItWithTheDataFile()
    {
        var dataDirectory = _directory.Combine("nested", "data");

        await using var store = Open(dataDirectory);

        Assert.True(File.Exists(Path.Combine(dataDirectory, LiteDbStoreOptions.FileName)));
        Assert.Equal(Path.Combine(dataDirectory, LiteDbStoreOptions.FileName), store.DatabasePath);
    }

    [Fact]
    public async Task Reopen_AfterDispose_KeepsEverything()
    {
        var instance = FullInstance("i-1");
        var journal = new[] { Entry("i-1", 0), FullEntry("i-1", 1) };
        string etag;
        await using (var store = Open())
        {
            etag = (await store.SaveDraftAsync(Definition(), null, Ct)).ETag;
            await store.PublishAsync(Definition(), "ann", Ct);
            await store.CommitAsync([new InstanceCommit(instance, journal, [DeadLetter("d-1", "i-1")], [Bookmark("b-1", "i-1", resumeAt: At(5))], [])], Ct);
            await store.PutIdempotencyRecordAsync(new IdempotencyRecord("erp:1", "{}", At(1)), Ct);
            await store.AddApiKeyAsync(ApiKey("k1", "aaaaaaaa"), Ct);
        }

        await using var reopened = Open();

        Assert.Equal(etag, (await reopened.GetDraftAsync(Definition().Id, Ct))!.ETag);
        StoreAssert.Equivalent(Definition() with { Version = 1 }, (await reopened.GetPublishedAsync(Definition().Id, null, Ct))!.Definition);
        Assert.Equal(instance, await reopened.GetAsync("i-1", Ct));
        StoreAssert.Equivalent(journal, await reopened.GetJournalAsync("i-1", null, Ct));
        Assert.Equal(DeadLetter("d-1", "i-1"), await reopened.GetDeadLetterAsync("d-1", Ct));
        Assert.Equal(["b-1"], (await reopened.ListDueBookmarksAsync(At(5), 10, Ct)).Select(b => b.Id));
        Assert.NotNull(await reopened.GetIdempotencyRecordAsync("erp:1", Ct));
        Assert.NotNull(await reopened.FindApiKeyByHashAsync("aaaaaaaa", Ct));
    }

    [Fact]
    public async Task Open_DirectoryHeldByAnotherStore_ThrowsInUseNamingTheDirectory()
    {
        await using var first = Open();

        var error = Assert.Throws<ServicesSyncException>(() => Open());

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Equal($"The data directory {_directory.Path} is in use by another servicessync process.", error.Message);
        Assert.Null(await first.GetAsync("still-usable", Ct));
    }

    [Fact]
    public async Task Open_AfterTheHolderIsDisposed_Succeeds()
    {
        var first = Open();
        await first.CommitAsync([InstanceCommit.StateOnly(Instance("i-1"))], Ct);
        await first.DisposeAsync();

        await using var second = Open();

        Assert.NotNull(await second.GetAsync("i-1", Ct));
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_ThrowsNamingTheFileAndLeavesItAlone()
    {
        var path = Path.Combine(_directory.Path, LiteDbStoreOptions.FileName);
        File.WriteAllText(path, "these are someone's notes, not a database");

        var error = Assert.Throws<ServicesSyncException>(() => Open());

        Assert.Equal(ErrorKind.Configuration, error.Kind);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal("these are someone's notes, not a database", File.ReadAllText(path));
    }

    [Fact]
    public async Task Open_AfterAFailedOpen_TheDirectoryIsNotLeftLocked()
    {
        var path = Path.Combine(_directory.Path, LiteDbStoreOptions.FileName);
        await File.WriteAllBytesAsync(path, new byte[16384]);
        Assert.Throws<ServicesSyncException>(() => Open());
        File.Delete(path);

        await using var store = Open();

        Assert.Empty(await store.ListAsync(Ct));
    }

    [Fact]
    public async Task CommitAsync_BatchFailingMidway_LeavesNothingOnDisk()
    {
        await using (var store = Open())
        {
            await store.CommitAsync([Commit(Instance("existing"), Entry("existing", 0))], Ct);
            await Assert.ThrowsAsync<ConflictException>(() => store.CommitAsync(
                [
                    Commit(Instance("new-1"), Entry("new-1", 0)),
                    Commit(Instance("existing", status: InstanceStatus.Completed), Entry("existing", 0)),
                    Commit(Instance("new-2"), Entry("new-2", 0)),
                ],
                Ct));
        }

        await using var reopened = Open();

        Assert.Equal(["existing"], (await reopened.QueryAsync(new InstanceQuery(), Ct)).Items.Select(i => i.Id));
        Assert.Equal(InstanceStatus.Running, (await reopened.GetAsync("existing", Ct))!.Status);
        Assert.Empty(await reopened.GetJournalAsync("new-1", null, Ct));
    }

    [Fact]
    public async Task CompactAsync_AfterPruning_ShrinksTheFileAndKeepsTheRest()
    {
        await using var store = Open();
        var state = new string('s', 20_000);
        var finished = Enumerable.Range(0, 200)
            .Select(n => Commit(Instance($"done-{n}", status: InstanceStatus.Completed, finishedAt: At(1)) with { StateJson = state }, Entry($"done-{n}", 0)))
            .ToList();
        await store.CommitAsync([.. finished, Commit(Instance("kept"), Entry("kept", 0))], Ct);
        Assert.Equal(200, await store.PruneAsync(At(10), 1000, Ct));

        var result = await store.CompactAsync(Ct);

        Assert.True(result.SizeBefore > 4_000_000, $"before: {result.SizeBefore}");
        Assert.True(result.SizeAfter < result.SizeBefore / 10, $"before: {result.SizeBefore}, after: {result.SizeAfter}");
        Assert.Equal(result.SizeAfter, new FileInfo(store.DatabasePath).Length);
        Assert.Equal([LiteDbStoreOptions.FileName], Directory.GetFiles(_directory.Path, "*.db").Select(Path.GetFileName));
        Assert.Single(await store.GetJournalAsync("kept", null, Ct));
        await store.CommitAsync([Commit(Instance("kept"), Entry("kept", 1))], Ct);
        Assert.Equal(2, (await store.GetJournalAsync("kept", null, Ct)).Count);
    }

    [Fact]
    public async Task DurabilityDescription_NamesTheFileAndTheMissingFsync()
    {
        await using var store = Open();

        Assert.Contains(store.DatabasePath, store.DurabilityDescription, StringComparison.Ordinal);
        Assert.Contains("power failure", store.DurabilityDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCall_AfterDispose_ThrowsObjectDisposed()
    {
        var store = Open();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync("i-1", Ct));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.CommitAsync([InstanceCommit.StateOnly(Instance("i-1"))], Ct));
    }

    private LiteDbWorkflowStore Open(string? dataDirectory = null)
        => new(new LiteDbStoreOptions { DataDirectory = dataDirectory ?? _directory.Path }, _time);
}
