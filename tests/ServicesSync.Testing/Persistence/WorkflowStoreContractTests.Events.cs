using ServicesSync.Persistence;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    private static OutboxEvent Event(string id, int minutes, string name = "timesheet.approved", string? correlationKey = "TS-1") => new()
    {
        Id = id,
        Name = name,
        CorrelationKey = correlationKey,
        PayloadJson = """{"timesheet":"TS-1","hours":37.5}""",
        SourceInstanceId = "run-1",
        SourceActivityId = "publish",
        CreatedAt = StoreMother.At(minutes),
    };

    [Fact]
    public async Task CommitAsync_WithEvents_StoresThemWithTheStepAsPending()
    {
        var instance = StoreMother.Instance("run-1");
        var commit = StoreMother.Commit(instance, StoreMother.Entry("run-1", 0)) with { Events = [Event("e2", 2), Event("e1", 1)] };

        await Store.CommitAsync([commit], Ct);

        var pending = await Store.ListPendingEventsAsync(10, Ct);
        Assert.Equal(["e1", "e2"], pending.Select(e => e.Id));
        StoreAssert.Equivalent(Event("e1", 1), pending[0]);
    }

    [Fact]
    public async Task CommitAsync_BatchThatFails_StoresNoEvent()
    {
        var first = StoreMother.Commit(StoreMother.Instance("run-1"), StoreMother.Entry("run-1", 0)) with { Events = [Event("e1", 1)] };
        var duplicate = StoreMother.Commit(StoreMother.Instance("run-1"), StoreMother.Entry("run-1", 0));

        await Assert.ThrowsAnyAsync<Exception>(() => Store.CommitAsync([first, duplicate], Ct));

        Assert.Empty(await Store.ListPendingEventsAsync(10, Ct));
    }

    [Fact]
    public async Task MarkEventDispatched_RemovesItFromPendingAndPruneDeletesItLater()
    {
        await Store.AddEventAsync(Event("e1", 1), Ct);
        await Store.AddEventAsync(Event("e2", 2), Ct);

        await Store.MarkEventDispatchedAsync("e1", StoreMother.At(5), Ct);

        Assert.Equal(["e2"], (await Store.ListPendingEventsAsync(10, Ct)).Select(e => e.Id));
        Assert.Equal(0, await Store.PruneDispatchedEventsAsync(StoreMother.At(5), Ct));
        Assert.Equal(1, await Store.PruneDispatchedEventsAsync(StoreMother.At(6), Ct));
        Assert.Equal(["e2"], (await Store.ListPendingEventsAsync(10, Ct)).Select(e => e.Id));
    }

    [Fact]
    public async Task AddEventAsync_SameIdTwice_KeepsTheFirst()
    {
        await Store.AddEventAsync(Event("e1", 1), Ct);
        await Store.AddEventAsync(Event("e1", 9, name: "other"), Ct);

        var pending = Assert.Single(await Store.ListPendingEventsAsync(10, Ct));
        Assert.Equal("timesheet.approved", pending.Name);
    }

    [Fact]
    public async Task ListPendingEvents_RespectsTheLimit()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.AddEventAsync(Event($"e{i}", i), Ct);
        }

        Assert.Equal(["e0", "e1"], (await Store.ListPendingEventsAsync(2, Ct)).Select(e => e.Id));
        Assert.Empty(await Store.ListPendingEventsAsync(0, Ct));
    }
}
