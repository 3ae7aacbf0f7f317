using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task PruneAsync_DeletesFinishedInstancesBeforeTheCutoffWithTheirJournalsAndBookmarks()
    {
        await Store.CommitAsync(
            [
                new InstanceCommit(Finished("completed", InstanceStatus.Completed, At(10)), [Entry("completed", 0), Entry("completed", 1)], [], [Bookmark("b-completed", "completed")], []),
                Commit(Finished("cancelled", InstanceStatus.Cancelled, At(20)), Entry("cancelled", 0)),
                Commit(Finished("recent", InstanceStatus.Completed, At(100)), Entry("recent", 0)),
                Commit(Finished("faulted", InstanceStatus.Faulted, At(10)), Entry("faulted", 0)),
                Commit(Instance("running"), Entry("running", 0)),
                new InstanceCommit(Instance("suspended", status: InstanceStatus.Suspended), [], [], [Bookmark("b-suspended", "suspended", resumeAt: At(1))], []),
            ],
            Ct);

        var pruned = await Store.PruneAsync(At(50), 100, Ct);

        Assert.Equal(2, pruned);
        Assert.Null(await Store.GetAsync("completed", Ct));
        Assert.Null(await Store.GetAsync("cancelled", Ct));
        Assert.Empty(await Store.GetJournalAsync("completed", null, Ct));
        Assert.Empty(await Store.GetJournalAsync("cancelled", null, Ct));
        Assert.Empty(await Store.GetBookmarksAsync("completed", Ct));
        Assert.Equal(["b-suspended"], (await Store.FindBookmarksAsync("timesheet.approved", null, Ct)).Select(b => b.Id));
        Assert.Equal(["faulted", "recent", "running", "suspended"], (await Store.QueryAsync(new InstanceQuery(), Ct)).Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Single(await Store.GetJournalAsync("recent", null, Ct));
        Assert.Single(await Store.GetBookmarksAsync("suspended", Ct));
    }

    [Fact]
    public async Task PruneAsync_KeepsInstancesWithAnOpenDeadLetterAndDropsClosedOnes()
    {
        await Store.CommitAsync(
            [
                new InstanceCommit(Finished("parked", InstanceStatus.Completed, At(1)), [Entry("parked", 0)], [DeadLetter("d-open", "parked")], [], []),
                new InstanceCommit(Finished("resolved", InstanceStatus.Completed, At(2)), [Entry("resolved", 0)], [DeadLetter("d-closed", "resolved", status: DeadLetterStatus.Discarded)], [], []),
            ],
            Ct);

        Assert.Equal(1, await Store.PruneAsync(At(50), 100, Ct));

        Assert.NotNull(await Store.GetAsync("parked", Ct));
        Assert.Single(await Store.GetJournalAsync("parked", null, Ct));
        Assert.NotNull(await Store.GetDeadLetterAsync("d-open", Ct));
        Assert.Null(await Store.GetAsync("resolved", Ct));
        Assert.Null(await Store.GetDeadLetterAsync("d-closed", Ct));
    }

    [Fact]
    public async Task PruneAsync_WithMax_DeletesOldestFirstAndStopsThere()
    {
        await Store.CommitAsync(
            [
                InstanceCommit.StateOnly(Finished("third", InstanceStatus.Completed, At(3))),
                InstanceCommit.StateOnly(Finished("first", InstanceStatus.Completed, At(1))),
                new InstanceCommit(Finished("kept", InstanceStatus.Completed, At(0)), [], [DeadLetter("d", "kept")], [], []),
                InstanceCommit.StateOnly(Finished("second", InstanceStatus.Cancelled, At(2))),
            ],
            Ct);

        Assert.Equal(2, await Store.PruneAsync(At(50), 2, Ct));

        Assert.Equal(["kept", "third"], (await Store.QueryAsync(new InstanceQuery(), Ct)).Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Equal(0, await Store.PruneAsync(At(50), 0, Ct));
        Assert.Equal(1, await Store.PruneAsync(At(50), int.MaxValue, Ct));
        Assert.Equal(0, await Store.PruneAsync(At(50), 2, Ct));
    }

    private static WorkflowInstance Finished(string id, InstanceStatus status, DateTimeOffset finishedAt)
        => Instance(id, status: status, createdAt: finishedAt.AddMinutes(-1), finishedAt: finishedAt);
}
