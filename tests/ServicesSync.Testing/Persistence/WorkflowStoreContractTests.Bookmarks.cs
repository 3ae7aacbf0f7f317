using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task CommitAsync_BookmarksAddedAndRemoved_AreVisiblePerInstance()
    {
        var timer = Bookmark("b-timer", "i-1", "timer", resumeAt: At(10));
        var approval = Bookmark("b-approval", "i-1", "timesheet.approved", "ts-7") with { Scope = "loop[1]" };
        await Store.CommitAsync([new InstanceCommit(Instance("i-1"), [], [], [timer, approval], [])], Ct);

        var added = await Store.GetBookmarksAsync("i-1", Ct);
        Assert.Equal([approval, timer], added.OrderBy(b => b.Id, StringComparer.Ordinal));

        await Store.CommitAsync([new InstanceCommit(Instance("i-1"), [], [], [], ["b-timer", "unknown"])], Ct);

        Assert.Equal([approval], await Store.GetBookmarksAsync("i-1", Ct));
        Assert.Empty(await Store.GetBookmarksAsync("i-2", Ct));
    }

    [Fact]
    public async Task CommitAsync_BookmarkWithAnExistingId_ReplacesIt()
    {
        await Store.CommitAsync([new InstanceCommit(Instance("i-1"), [], [], [Bookmark("b", "i-1", resumeAt: At(10))], [])], Ct);
        var rearmed = Bookmark("b", "i-1", resumeAt: At(20));

        await Store.CommitAsync([new InstanceCommit(Instance("i-1"), [], [], [rearmed], ["b"])], Ct);

        Assert.Equal([rearmed], await Store.GetBookmarksAsync("i-1", Ct));
    }

    [Fact]
    public async Task FindBookmarksAsync_MatchesNameAndCorrelationKey()
    {
        await Store.CommitAsync(
            [
                new InstanceCommit(Instance("i-1"), [], [], [Bookmark("k7", "i-1", "timesheet.approved", "ts-7")], []),
                new InstanceCommit(Instance("i-2"), [], [], [Bookmark("k8", "i-2", "timesheet.approved", "ts-8"), Bookmark("any", "i-2", "timesheet.approved")], []),
                new InstanceCommit(Instance("i-3"), [], [], [Bookmark("other", "i-3", "timesheet.approved.late", "ts-7"), Bookmark("upper", "i-3", "timesheet.approved", "TS-7")], []),
            ],
            Ct);

        var exact = await Store.FindBookmarksAsync("timesheet.approved", "ts-7", Ct);
        var anyKey = await Store.FindBookmarksAsync("timesheet.approved", null, Ct);

        Assert.Equal(["k7"], exact.Select(b => b.Id));
        Assert.Equal(["any", "k7", "k8", "upper"], anyKey.Select(b => b.Id).Order(StringComparer.Ordinal));
        Assert.Empty(await Store.FindBookmarksAsync("timesheet", null, Ct));
        Assert.Empty(await Store.FindBookmarksAsync("timesheet.approved", "ts-9", Ct));
    }

    [Fact]
    public async Task ListDueBookmarksAsync_ReturnsTimedBookmarksDueByThenEarliestFirst()
    {
        await Store.CommitAsync(
            [
                new InstanceCommit(
                    Instance("i-1"),
                    [],
                    [],
                    [
                        Bookmark("late", "i-1", "timer", resumeAt: At(30)),
                        Bookmark("exactly-due", "i-1", "timer", resumeAt: At(20)),
                        Bookmark("early", "i-1", "timer", resumeAt: At(5)),
                        Bookmark("event", "i-1", "timesheet.approved", "ts-7"),
                        Bookmark("middle", "i-1", "timer", resumeAt: At(10)),
                    ],
                    []),
            ],
            Ct);

        Assert.Equal(["early", "middle", "exactly-due"], (await Store.ListDueBookmarksAsync(At(20), 10, Ct)).Select(b => b.Id));
        Assert.Equal(["early", "middle"], (await Store.ListDueBookmarksAsync(At(20), 2, Ct)).Select(b => b.Id));
        Assert.Empty(await Store.ListDueBookmarksAsync(At(4), 10, Ct));
        Assert.Empty(await Store.ListDueBookmarksAsync(At(20), 0, Ct));
    }
}
