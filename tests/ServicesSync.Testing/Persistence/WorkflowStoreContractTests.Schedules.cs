using ServicesSync.Persistence;

namespace ServicesSync.Testing.Persistence;

public abstract partial class WorkflowStoreContractTests
{
    private static ScheduleRecord Schedule(string workflowId = "nightly-sync", DateTimeOffset? lastFireTime = null) => new()
    {
        Id = ScheduleRecord.IdOf(workflowId, "cron"),
        WorkflowId = workflowId,
        Version = 2,
        TriggerId = "cron",
        Cron = "0 0 6 ? * MON-FRI",
        TimeZone = "Europe/Berlin",
        Misfire = ScheduleMisfirePolicy.Skip,
        ActiveSince = StoreMother.At(0),
        LastFireTime = lastFireTime,
        NextFireTime = StoreMother.At(60),
        UpdatedAt = StoreMother.At(1),
    };

    private static ScheduleFiring Firing(string scheduleId, int fireMinute, string owner, int claimedMinute) => new()
    {
        ScheduleId = scheduleId,
        FireTime = StoreMother.At(fireMinute),
        InstanceId = $"sched-{fireMinute}",
        ClaimedBy = owner,
        ClaimedAt = StoreMother.At(claimedMinute),
    };

    [Fact]
    public async Task PutSchedule_RoundTripsEveryField_AndListsById()
    {
        var interval = Schedule("b-interval") with { Cron = null, Interval = TimeSpan.FromMinutes(15), LastFireTime = StoreMother.At(3) };
        await Store.PutScheduleAsync(interval, Ct);
        await Store.PutScheduleAsync(Schedule("a-cron"), Ct);

        var all = await Store.ListSchedulesAsync(Ct);

        Assert.Equal(["a-cron/cron", "b-interval/cron"], all.Select(s => s.Id));
        StoreAssert.Equivalent(interval, all[1]);
        StoreAssert.Equivalent(Schedule("a-cron"), await Store.GetScheduleAsync("a-cron/cron", Ct));
    }

    [Fact]
    public async Task PutSchedule_WithAnOlderLastFireTime_KeepsTheLaterOne()
    {
        await Store.PutScheduleAsync(Schedule(lastFireTime: StoreMother.At(30)), Ct);

        await Store.PutScheduleAsync(Schedule(lastFireTime: StoreMother.At(10)) with { Version = 3 }, Ct);

        var stored = await Store.GetScheduleAsync("nightly-sync/cron", Ct);
        Assert.Equal(3, stored!.Version);
        Assert.Equal(StoreMother.At(30), stored.LastFireTime);
    }

    [Fact]
    public async Task SetScheduleTimes_SetsNextAndNeverMovesLastBackwards()
    {
        await Store.PutScheduleAsync(Schedule(lastFireTime: StoreMother.At(30)), Ct);

        await Store.SetScheduleTimesAsync("nightly-sync/cron", StoreMother.At(20), StoreMother.At(90), Ct);
        await Store.SetScheduleTimesAsync("missing/cron", StoreMother.At(20), StoreMother.At(90), Ct);

        var stored = await Store.GetScheduleAsync("nightly-sync/cron", Ct);
        Assert.Equal(StoreMother.At(30), stored!.LastFireTime);
        Assert.Equal(StoreMother.At(90), stored.NextFireTime);
        Assert.Null(await Store.GetScheduleAsync("missing/cron", Ct));
    }

    [Fact]
    public async Task TryClaimFiring_SecondClaimantOfAFreshClaim_Loses()
    {
        await Store.PutScheduleAsync(Schedule(), Ct);

        Assert.True(await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "host-a", 61), StoreMother.At(0), Ct));
        Assert.False(await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "host-b", 61), StoreMother.At(0), Ct));
    }

    [Fact]
    public async Task TryClaimFiring_StaleUnfinishedClaim_IsTakenOver_ButACompletedOneNever()
    {
        await Store.PutScheduleAsync(Schedule(), Ct);
        await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "dead-host", 61), StoreMother.At(0), Ct);
        await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 120, "host-a", 121), StoreMother.At(0), Ct);
        await Store.CompleteFiringAsync("nightly-sync/cron", StoreMother.At(120), StoreMother.At(122), Ct);

        var unfinished = await Store.ListUnfinishedFiringsAsync(StoreMother.At(200), 10, Ct);
        Assert.Equal([StoreMother.At(60)], unfinished.Select(f => f.FireTime));
        Assert.True(await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "host-b", 200), StoreMother.At(100), Ct));
        Assert.False(await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 120, "host-b", 200), StoreMother.At(300), Ct));
        Assert.Empty(await Store.ListUnfinishedFiringsAsync(StoreMother.At(150), 10, Ct));
    }

    [Fact]
    public async Task CompleteFiring_AdvancesTheLastFireTime_AndPruneDeletesOldRecords()
    {
        await Store.PutScheduleAsync(Schedule(), Ct);
        await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "host-a", 61), StoreMother.At(0), Ct);

        await Store.CompleteFiringAsync("nightly-sync/cron", StoreMother.At(60), StoreMother.At(62), Ct);

        Assert.Equal(StoreMother.At(60), (await Store.GetScheduleAsync("nightly-sync/cron", Ct))!.LastFireTime);
        Assert.Equal(0, await Store.PruneFiringsAsync(StoreMother.At(62), Ct));
        Assert.Equal(1, await Store.PruneFiringsAsync(StoreMother.At(63), Ct));
        Assert.True(await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "host-a", 70), StoreMother.At(0), Ct));
    }

    [Fact]
    public async Task DeleteSchedule_RemovesItAndItsFirings()
    {
        await Store.PutScheduleAsync(Schedule(), Ct);
        await Store.TryClaimFiringAsync(Firing("nightly-sync/cron", 60, "host-a", 61), StoreMother.At(0), Ct);

        Assert.True(await Store.DeleteScheduleAsync("nightly-sync/cron", Ct));
        Assert.False(await Store.DeleteScheduleAsync("nightly-sync/cron", Ct));

        Assert.Null(await Store.GetScheduleAsync("nightly-sync/cron", Ct));
        Assert.Empty(await Store.ListUnfinishedFiringsAsync(StoreMother.At(1000), 10, Ct));
    }

    [Fact]
    public async Task PutWatermark_RoundTrips_AndReplacesByWorkflowAndName()
    {
        var first = new WatermarkRecord("bamboo-poll", "employees", "\"2026-03-02T08:00:00Z\"", StoreMother.At(1), "run-1");
        var other = new WatermarkRecord("bamboo-poll", "timeOff", "42", StoreMother.At(1), null);
        await Store.PutWatermarkAsync(first, Ct);
        await Store.PutWatermarkAsync(other, Ct);

        await Store.PutWatermarkAsync(first with { ValueJson = "\"2026-03-02T09:00:00Z\"", UpdatedBy = "run-2" }, Ct);

        StoreAssert.Equivalent(first with { ValueJson = "\"2026-03-02T09:00:00Z\"", UpdatedBy = "run-2" }, await Store.GetWatermarkAsync("bamboo-poll", "employees", Ct));
        StoreAssert.Equivalent(other, await Store.GetWatermarkAsync("bamboo-poll", "timeOff", Ct));
        Assert.Null(await Store.GetWatermarkAsync("other", "employees", Ct));
    }
}
