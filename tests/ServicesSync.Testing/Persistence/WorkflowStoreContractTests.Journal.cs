using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetJournalAsync_UnknownInstance_IsEmpty()
        => Assert.Empty(await Store.GetJournalAsync("missing", null, Ct));

    [Fact]
    public async Task GetJournalAsync_RoundTripsEveryField()
    {
        var entries = new[] { Entry("i-1", 0), FullEntry("i-1", 1) };

        await Store.CommitAsync([Commit(Instance("i-1"), entries)], Ct);

        StoreAssert.Equivalent(entries, await Store.GetJournalAsync("i-1", null, Ct));
    }

    [Fact]
    public async Task GetJournalAsync_RoundTripsOutcomesWithQuotesBackslashesCommasAndBraces()
    {
        // The PostgreSQL store sends each entry's outcomes as an array literal: quoting must hold.
        var entry = Entry("i-1", 0) with { Outcomes = ["say \"hi\"", "back\\slash", "a,b", "{x}", "", "NULL"] };

        await Store.CommitAsync([Commit(Instance("i-1"), entry)], Ct);

        Assert.Equal(entry.Outcomes, Assert.Single(await Store.GetJournalAsync("i-1", null, Ct)).Outcomes);
    }

    [Fact]
    public async Task GetJournalAsync_ReturnsSequenceOrderWhateverTheCommitOrder()
    {
        await Store.CommitAsync([Commit(Instance("i-1"), Entry("i-1", 2), Entry("i-1", 0))], Ct);
        await Store.CommitAsync([Commit(Instance("i-1"), Entry("i-1", 10), Entry("i-1", 1))], Ct);

        var journal = await Store.GetJournalAsync("i-1", null, Ct);

        Assert.Equal([0L, 1L, 2L, 10L], journal.Select(e => e.Sequence));
    }

    [Fact]
    public async Task GetJournalAsync_KeepsInstancesApart()
    {
        // "i-1" is a prefix of "i-10": journals keyed by instance must not bleed into each other.
        await Store.CommitAsync(
            [
                Commit(Instance("i-1"), Entry("i-1", 0)),
                Commit(Instance("i-10"), Entry("i-10", 0), Entry("i-10", 1)),
                Commit(Instance("i-1/x"), Entry("i-1/x", 0)),
            ],
            Ct);

        Assert.Single(await Store.GetJournalAsync("i-1", null, Ct));
        Assert.Equal(2, (await Store.GetJournalAsync("i-10", null, Ct)).Count);
        Assert.Equal("i-1/x", Assert.Single(await Store.GetJournalAsync("i-1/x", null, Ct)).InstanceId);
    }

    [Fact]
    public async Task GetJournalAsync_WithLoopKey_ReturnsOnlyItemResultsOfThatLoopInItemOrder()
    {
        await Store.CommitAsync(
            [
                Commit(
                    Instance("i-1"),
                    Entry("i-1", 0),
                    ItemCompleted("i-1", 1, "loop#1", itemIndex: 2),
                    ItemCompleted("i-1", 2, "loop#2", itemIndex: 0),
                    Entry("i-1", 3, JournalEntryKind.AttemptFailed) with { LoopKey = "loop#1", ItemIndex = 1 },
                    ItemCompleted("i-1", 4, "loop#1", itemIndex: 0),
                    ItemCompleted("i-1", 5, "loop#1", itemIndex: 1)),
                Commit(Instance("i-2"), ItemCompleted("i-2", 0, "loop#1", itemIndex: 5)),
            ],
            Ct);

        var items = await Store.GetJournalAsync("i-1", "loop#1", Ct);

        Assert.Equal([(0, 4L), (1, 5L), (2, 1L)], items.Select(e => (e.ItemIndex!.Value, e.Sequence)));
        Assert.All(items, e => Assert.Equal(JournalEntryKind.ItemCompleted, e.Kind));
        StoreAssert.Equivalent(ItemCompleted("i-1", 4, "loop#1", itemIndex: 0), items[0]);
        Assert.Empty(await Store.GetJournalAsync("i-1", "loop#9", Ct));
    }
}
