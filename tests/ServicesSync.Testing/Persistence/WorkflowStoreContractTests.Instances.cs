using ServicesSync.Errors;
using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetAsync_UnknownInstance_ReturnsNull()
        => Assert.Null(await Store.GetAsync("missing", Ct));

    [Fact]
    public async Task CommitAsync_NewInstance_RoundTripsEveryField()
    {
        var instance = FullInstance("i-1");

        await Store.CommitAsync([InstanceCommit.StateOnly(instance)], Ct);

        Assert.Equal(instance, await Store.GetAsync("i-1", Ct));
    }

    [Fact]
    public async Task CommitAsync_MinimalInstance_RoundTripsDefaults()
    {
        var instance = Instance("i-1");

        await Store.CommitAsync([InstanceCommit.StateOnly(instance)], Ct);

        Assert.Equal(instance, await Store.GetAsync("i-1", Ct));
    }

    [Fact]
    public async Task CommitAsync_ExistingInstance_ReplacesItsDocument()
    {
        await Store.CommitAsync([Commit(Instance("i-1"), Entry("i-1", 0))], Ct);
        var finished = Instance("i-1", status: InstanceStatus.Completed, finishedAt: At(3)) with { OutputJson = "{}", JournalLength = 2 };

        await Store.CommitAsync([Commit(finished, Entry("i-1", 1))], Ct);

        Assert.Equal(finished, await Store.GetAsync("i-1", Ct));
        Assert.Equal([0L, 1L], (await Store.GetJournalAsync("i-1", null, Ct)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task CommitAsync_EmptyBatch_ChangesNothing()
    {
        await Store.CommitAsync([], Ct);

        Assert.Equal(0, (await Store.QueryAsync(new InstanceQuery(), Ct)).Total);
    }

    [Fact]
    public async Task CommitAsync_BatchOfSeveralInstances_AppliesEveryPart()
    {
        await Store.CommitAsync([new InstanceCommit(Instance("c"), [], [], [Bookmark("b-old", "c")], [])], Ct);
        var batch = new[]
        {
            Commit(Instance("a"), Entry("a", 0), Entry("a", 1)),
            new InstanceCommit(Instance("b", status: InstanceStatus.Faulted), [Entry("b", 0, JournalEntryKind.Faulted)], [DeadLetter("d-b", "b")], [], []),
            new InstanceCommit(Instance("c", status: InstanceStatus.Suspended), [Entry("c", 0, JournalEntryKind.Suspended)], [], [Bookmark("b-new", "c")], ["b-old"]),
        };

        await Store.CommitAsync(batch, Ct);

        foreach (var commit in batch)
        {
            Assert.Equal(commit.Instance, await Store.GetAsync(commit.Instance.Id, Ct));
            StoreAssert.Equivalent(commit.Journal, await Store.GetJournalAsync(commit.Instance.Id, null, Ct));
        }

        Assert.Equal(DeadLetter("d-b", "b"), await Store.GetDeadLetterAsync("d-b", Ct));
        Assert.Equal(["b-new"], (await Store.GetBookmarksAsync("c", Ct)).Select(b => b.Id));
    }

    [Fact]
    public async Task CommitAsync_BatchWithAnExistingJournalSequence_ThrowsConflictAndAppliesNothing()
    {
        await Store.CommitAsync([new InstanceCommit(Instance("c"), [Entry("c", 0)], [], [Bookmark("b-old", "c")], [])], Ct);
        var batch = new[]
        {
            new InstanceCommit(Instance("a"), [Entry("a", 0)], [DeadLetter("d-a", "a")], [Bookmark("b-a", "a")], []),
            Commit(Instance("b"), Entry("b", 0), Entry("b", 1)),
            new InstanceCommit(Instance("c", status: InstanceStatus.Completed, finishedAt: At(1)), [Entry("c", 1), Entry("c", 0)], [], [], ["b-old"]),
        };

        await Assert.ThrowsAsync<ConflictException>(() => Store.CommitAsync(batch, Ct));

        Assert.Null(await Store.GetAsync("a", Ct));
        Assert.Null(await Store.GetAsync("b", Ct));
        Assert.Equal(InstanceStatus.Running, (await Store.GetAsync("c", Ct))!.Status);
        Assert.Empty(await Store.GetJournalAsync("a", null, Ct));
        Assert.Empty(await Store.GetJournalAsync("b", null, Ct));
        Assert.Equal([0L], (await Store.GetJournalAsync("c", null, Ct)).Select(e => e.Sequence));
        Assert.Null(await Store.GetDeadLetterAsync("d-a", Ct));
        Assert.Empty(await Store.GetBookmarksAsync("a", Ct));
        Assert.Equal(["b-old"], (await Store.GetBookmarksAsync("c", Ct)).Select(b => b.Id));
    }

    [Fact]
    public async Task CommitAsync_SameSequenceTwiceInOneBatch_ThrowsConflictAndAppliesNothing()
    {
        var batch = new[] { Commit(Instance("a"), Entry("a", 0)), Commit(Instance("a"), Entry("a", 0)) };

        await Assert.ThrowsAsync<ConflictException>(() => Store.CommitAsync(batch, Ct));

        Assert.Null(await Store.GetAsync("a", Ct));
    }

    [Fact]
    public async Task CommitAsync_ExistingDeadLetterId_ThrowsConflictAndAppliesNothing()
    {
        await Store.CommitAsync([new InstanceCommit(Instance("a"), [], [DeadLetter("d-1", "a")], [], [])], Ct);

        await Assert.ThrowsAsync<ConflictException>(
            () => Store.CommitAsync([new InstanceCommit(Instance("b"), [Entry("b", 0)], [DeadLetter("d-1", "b")], [], [])], Ct));

        Assert.Null(await Store.GetAsync("b", Ct));
        Assert.Empty(await Store.GetJournalAsync("b", null, Ct));
        Assert.Equal("a", (await Store.GetDeadLetterAsync("d-1", Ct))!.InstanceId);
    }

    [Fact]
    public async Task CommitAsync_SameInstanceTwiceInOneBatch_AppliesBothInOrder()
    {
        var later = Instance("a", status: InstanceStatus.Completed, finishedAt: At(2));

        await Store.CommitAsync([Commit(Instance("a"), Entry("a", 0)), Commit(later, Entry("a", 1))], Ct);

        Assert.Equal(later, await Store.GetAsync("a", Ct));
        Assert.Equal([0L, 1L], (await Store.GetJournalAsync("a", null, Ct)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task CommitAsync_EntryOfAnotherInstance_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CommitAsync([Commit(Instance("a"), Entry("b", 0))], Ct));

        Assert.Null(await Store.GetAsync("a", Ct));
    }

    [Fact]
    public async Task CommitAsync_CancelledBeforeStart_AppliesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Store.CommitAsync([Commit(Instance("a"), Entry("a", 0))], cancellation.Token));

        Assert.Null(await Store.GetAsync("a", Ct));
    }

    [Fact]
    public async Task CommitAsync_ManyConcurrentWritersAndReaders_LoseNothing()
    {
        const int Writers = 8;
        const int StepsPerWriter = 25;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var id = $"w{writer}";
            for (var step = 0; step < StepsPerWriter; step++)
            {
                await Store.CommitAsync([Commit(Instance(id) with { JournalLength = step + 1 }, Entry(id, step))], Ct);

                // Reads run while other writers commit; each must see its own last commit.
                Assert.Equal(step + 1, (await Store.GetAsync(id, Ct))!.JournalLength);
                Assert.Equal(step + 1, (await Store.GetJournalAsync(id, null, Ct)).Count);
            }
        })));

        for (var writer = 0; writer < Writers; writer++)
        {
            Assert.Equal(StepsPerWriter, (await Store.GetAsync($"w{writer}", Ct))!.JournalLength);
            Assert.Equal(StepsPerWriter, (await Store.GetJournalAsync($"w{writer}", null, Ct)).Count);
        }
    }

    [Fact]
    public async Task QueryAsync_NoFilter_ReturnsNewestFirstWithTotal()
    {
        await Store.CommitAsync([StateOnly("old", At(1)), StateOnly("newest", At(3)), StateOnly("middle", At(2))], Ct);

        var page = await Store.QueryAsync(new InstanceQuery(), Ct);

        Assert.Equal((3, true), (page.Total, page.TotalExact));
        Assert.Equal(["newest", "middle", "old"], page.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task QueryAsync_Filters_MatchWorkflowStatusAndCreationRange()
    {
        await Store.CommitAsync(
            [
                InstanceCommit.StateOnly(Instance("a1", "a", InstanceStatus.Running, At(1))),
                InstanceCommit.StateOnly(Instance("a2", "a", InstanceStatus.Faulted, At(2))),
                InstanceCommit.StateOnly(Instance("a3", "a", InstanceStatus.Faulted, At(3))),
                InstanceCommit.StateOnly(Instance("b1", "b", InstanceStatus.Faulted, At(2).AddSeconds(30))),
            ],
            Ct);

        var byWorkflow = await Store.QueryAsync(new InstanceQuery { WorkflowId = "a" }, Ct);
        var byStatus = await Store.QueryAsync(new InstanceQuery { Status = InstanceStatus.Faulted }, Ct);
        var both = await Store.QueryAsync(new InstanceQuery { WorkflowId = "a", Status = InstanceStatus.Faulted }, Ct);
        var range = await Store.QueryAsync(new InstanceQuery { CreatedFrom = At(2), CreatedTo = At(3) }, Ct);

        Assert.Equal(["a3", "a2", "a1"], byWorkflow.Items.Select(i => i.Id));
        Assert.Equal(["a3", "b1", "a2"], byStatus.Items.Select(i => i.Id));
        Assert.Equal(["a3", "a2"], both.Items.Select(i => i.Id));
        Assert.Equal(2, both.Total);
        Assert.Equal(["b1", "a2"], range.Items.Select(i => i.Id));
        Assert.Equal(2, range.Total);
    }

    [Fact]
    public async Task QueryAsync_SkipAndTake_PageThroughNewestFirstAndCountAllMatches()
    {
        await Store.CommitAsync(Enumerable.Range(0, 10).Select(n => StateOnly($"i{n}", At(n))).ToList(), Ct);

        var page = await Store.QueryAsync(new InstanceQuery { Skip = 2, Take = 3 }, Ct);
        var countOnly = await Store.QueryAsync(new InstanceQuery { Take = 0 }, Ct);

        Assert.Equal(10, page.Total);
        Assert.Equal(["i7", "i6", "i5"], page.Items.Select(i => i.Id));
        Assert.Empty(countOnly.Items);
        Assert.Equal(10, countOnly.Total);
    }

    [Fact]
    public async Task QueryAsync_AsManyMatchesAsTheCountLimitOrFewer_CountsExactly()
    {
        await Store.CommitAsync(Enumerable.Range(0, 4).Select(n => StateOnly($"i{n}", At(n))).ToList(), Ct);

        var atLimit = await Store.QueryAsync(new InstanceQuery { CountLimit = 4, Take = 2 }, Ct);
        var belowLimit = await Store.QueryAsync(new InstanceQuery { CountLimit = 10, Take = 2 }, Ct);

        Assert.Equal((4, true), (atLimit.Total, atLimit.TotalExact));
        Assert.Equal((4, true), (belowLimit.Total, belowLimit.TotalExact));
    }

    [Fact]
    public async Task QueryAsync_MoreMatchesThanTheCountLimit_StopsCountingThereAndSaysSo()
    {
        await Store.CommitAsync(Enumerable.Range(0, 10).Select(n => StateOnly($"i{n}", At(n))).ToList(), Ct);

        var page = await Store.QueryAsync(new InstanceQuery { CountLimit = 4, Take = 3 }, Ct);
        var countOnly = await Store.QueryAsync(new InstanceQuery { CountLimit = 4, Take = 0 }, Ct);

        Assert.Equal(["i9", "i8", "i7"], page.Items.Select(i => i.Id));
        Assert.Equal((4, false), (page.Total, page.TotalExact));
        Assert.Equal((4, false), (countOnly.Total, countOnly.TotalExact));
    }

    [Fact]
    public async Task QueryAsync_CountLimit_CountsFromSkipSoADeepPageStillKnowsWhatFollows()
    {
        await Store.CommitAsync(Enumerable.Range(0, 10).Select(n => StateOnly($"i{n}", At(n))).ToList(), Ct);

        var more = await Store.QueryAsync(new InstanceQuery { Skip = 5, Take = 2, CountLimit = 4 }, Ct);
        var rest = await Store.QueryAsync(new InstanceQuery { Skip = 6, Take = 2, CountLimit = 4 }, Ct);
        var beyond = await Store.QueryAsync(new InstanceQuery { Skip = 20, CountLimit = 4 }, Ct);

        Assert.Equal(["i4", "i3"], more.Items.Select(i => i.Id));
        Assert.Equal((9, false), (more.Total, more.TotalExact));
        Assert.Equal(["i3", "i2"], rest.Items.Select(i => i.Id));
        Assert.Equal((10, true), (rest.Total, rest.TotalExact));
        Assert.Empty(beyond.Items);
        Assert.Equal((10, true), (beyond.Total, beyond.TotalExact));
    }

    [Fact]
    public async Task QueryAsync_CountLimit_AppliesToTheFilteredMatches()
    {
        await Store.CommitAsync(
            [
                .. Enumerable.Range(0, 5).Select(n => InstanceCommit.StateOnly(Instance($"f{n}", "a", InstanceStatus.Faulted, At(n)))),
                .. Enumerable.Range(0, 5).Select(n => InstanceCommit.StateOnly(Instance($"c{n}", "a", InstanceStatus.Completed, At(n)))),
                InstanceCommit.StateOnly(Instance("other", "b", InstanceStatus.Faulted, At(9))),
            ],
            Ct);

        var faultedOfA = await Store.QueryAsync(new InstanceQuery { WorkflowId = "a", Status = InstanceStatus.Faulted, CountLimit = 5, Take = 1 }, Ct);
        var ofA = await Store.QueryAsync(new InstanceQuery { WorkflowId = "a", CountLimit = 5, Take = 1 }, Ct);

        Assert.Equal(["f4"], faultedOfA.Items.Select(i => i.Id));
        Assert.Equal((5, true), (faultedOfA.Total, faultedOfA.TotalExact));
        Assert.Equal((5, false), (ofA.Total, ofA.TotalExact));
    }

    [Fact]
    public async Task QueryAsync_HugeSkip_CountsWithoutOverflow()
    {
        await Store.CommitAsync([StateOnly("only", At(1))], Ct);

        var page = await Store.QueryAsync(new InstanceQuery { Skip = int.MaxValue }, Ct);

        Assert.Empty(page.Items);
        Assert.Equal((1, true), (page.Total, page.TotalExact));
    }

    [Fact]
    public async Task QueryAsync_TakeAboveMaximum_IsClamped()
    {
        await Store.CommitAsync(Enumerable.Range(0, InstanceQuery.MaxTake + 5).Select(n => StateOnly($"i{n}", At(n))).ToList(), Ct);

        var page = await Store.QueryAsync(new InstanceQuery { Take = 10_000 }, Ct);

        Assert.Equal(InstanceQuery.MaxTake, page.Items.Count);
        Assert.Equal(InstanceQuery.MaxTake + 5, page.Total);
    }

    [Fact]
    public async Task ListIdsAsync_ReturnsEveryInstanceInThatStatus()
    {
        await Store.CommitAsync(
            [
                InstanceCommit.StateOnly(Instance("r1")),
                InstanceCommit.StateOnly(Instance("s1", status: InstanceStatus.Suspended)),
                InstanceCommit.StateOnly(Instance("r2")),
            ],
            Ct);

        Assert.Equal(["r1", "r2"], (await Store.ListIdsAsync(InstanceStatus.Running, Ct)).Order(StringComparer.Ordinal));
        Assert.Equal(["s1"], await Store.ListIdsAsync(InstanceStatus.Suspended, Ct));
        Assert.Empty(await Store.ListIdsAsync(InstanceStatus.Cancelled, Ct));
    }

    private static InstanceCommit StateOnly(string id, DateTimeOffset createdAt)
        => InstanceCommit.StateOnly(Instance(id, createdAt: createdAt));
}
