using ServicesSync.Persistence;
using static ServicesSync.Testing.Persistence.StoreMother;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    [Fact]
    public async Task GetDeadLetterAsync_UnknownId_ReturnsNull()
        => Assert.Null(await Store.GetDeadLetterAsync("missing", Ct));

    [Fact]
    public async Task CommitAsync_DeadLetters_RoundTripEveryField()
    {
        var incident = DeadLetter("d-1", "i-1");
        var parked = DeadLetter("d-2", "i-1") with { Kind = DeadLetterKind.Message, Scope = "loop[2]", Error = null, MessageJson = null };

        await Store.CommitAsync([new InstanceCommit(Instance("i-1"), [], [incident, parked], [], [])], Ct);

        Assert.Equal(incident, await Store.GetDeadLetterAsync("d-1", Ct));
        Assert.Equal(parked, await Store.GetDeadLetterAsync("d-2", Ct));
    }

    [Fact]
    public async Task QueryDeadLettersAsync_FiltersAndPagesNewestFirst()
    {
        await Store.CommitAsync(
            [
                new InstanceCommit(Instance("a1", "a"), [], [DeadLetter("d1", "a1", "a", createdAt: At(1)), DeadLetter("d2", "a1", "a", createdAt: At(2))], [], []),
                new InstanceCommit(Instance("a2", "a"), [], [DeadLetter("d3", "a2", "a", DeadLetterStatus.Retried, At(3))], [], []),
                new InstanceCommit(Instance("b1", "b"), [], [DeadLetter("d4", "b1", "b", createdAt: At(4))], [], []),
            ],
            Ct);

        Assert.Equal(["d4", "d3", "d2", "d1"], (await Store.QueryDeadLettersAsync(null, null, 0, 50, Ct)).Select(d => d.Id));
        Assert.Equal(["d4", "d2", "d1"], (await Store.QueryDeadLettersAsync(DeadLetterStatus.Open, null, 0, 50, Ct)).Select(d => d.Id));
        Assert.Equal(["d3", "d2", "d1"], (await Store.QueryDeadLettersAsync(null, "a", 0, 50, Ct)).Select(d => d.Id));
        Assert.Equal(["d2", "d1"], (await Store.QueryDeadLettersAsync(DeadLetterStatus.Open, "a", 0, 50, Ct)).Select(d => d.Id));
        Assert.Equal(["d3", "d2"], (await Store.QueryDeadLettersAsync(null, null, 1, 2, Ct)).Select(d => d.Id));
    }

    [Fact]
    public async Task ListOpenDeadLettersAsync_ReturnsOnlyOpenEntriesOfThatInstance()
    {
        await Store.CommitAsync(
            [
                new InstanceCommit(Instance("i-1"), [], [DeadLetter("open", "i-1"), DeadLetter("closed", "i-1", status: DeadLetterStatus.Discarded)], [], []),
                new InstanceCommit(Instance("i-2"), [], [DeadLetter("other", "i-2")], [], []),
            ],
            Ct);

        Assert.Equal(["open"], (await Store.ListOpenDeadLettersAsync("i-1", Ct)).Select(d => d.Id));
        Assert.Empty(await Store.ListOpenDeadLettersAsync("i-3", Ct));
    }

    [Fact]
    public async Task CloseDeadLettersAsync_ClosesOpenEntriesAndLeavesClosedOnesAsTheyAre()
    {
        var discarded = DeadLetter("discarded", "i-1", status: DeadLetterStatus.Discarded);
        await Store.CommitAsync([new InstanceCommit(Instance("i-1"), [], [DeadLetter("open", "i-1"), discarded, DeadLetter("untouched", "i-1")], [], [])], Ct);

        await Store.CloseDeadLettersAsync(["open", "discarded", "unknown"], DeadLetterStatus.Retried, At(90), Ct);

        var closed = await Store.GetDeadLetterAsync("open", Ct);
        Assert.Equal(DeadLetterStatus.Retried, closed!.Status);
        Assert.Equal(At(90), closed.ClosedAt);
        Assert.Equal(discarded, await Store.GetDeadLetterAsync("discarded", Ct));
        Assert.Equal(DeadLetterStatus.Open, (await Store.GetDeadLetterAsync("untouched", Ct))!.Status);
        Assert.Equal(["untouched"], (await Store.ListOpenDeadLettersAsync("i-1", Ct)).Select(d => d.Id));
    }

    [Fact]
    public async Task CloseDeadLettersAsync_ToOpen_IsRejected()
        => await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.CloseDeadLettersAsync(["d"], DeadLetterStatus.Open, At(1), Ct));
}
