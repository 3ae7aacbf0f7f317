using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using ServicesSync.Persistence;
using ServicesSync.Triggers.Schedules;

namespace ServicesSync.Triggers.Tests.Schedules;

/// <summary>The scheduler driven pass by pass on a fake clock: what fires, when, and never twice.</summary>
public sealed class ScheduleFiringTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateTimeOffset NineAm = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Definitions.WorkflowDefinition Hourly(string id, string misfire = "fireOnce", string zone = "UTC", string cron = "0 0 * * * ?")
        => TriggerHarness.Workflow(id, "core.schedule", new JsonObject { ["cron"] = cron, ["timeZone"] = zone, ["misfire"] = misfire });

    private static JsonObject MessageOf(WorkflowInstance run) => JsonNode.Parse(run.InputJson!)!.AsObject();

    [Fact]
    public async Task Pass_AtAnOccurrence_StartsOneRunWithTheScheduledTime_AndShowsTheNextFireTime()
    {
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var host = new TriggerHarness(clock);
        await host.PublishAsync(Hourly("hourly"));
        await host.Scheduler.RunOnceAsync(Ct);
        Assert.Empty(await host.RunsAsync("hourly"));

        clock.SetUtcNow(NineAm.AddSeconds(2));
        await host.Scheduler.RunOnceAsync(Ct);
        await host.Scheduler.RunOnceAsync(Ct);

        var run = Assert.Single(await host.RunsAsync("hourly"));
        Assert.Equal(ScheduleFirer.InstanceIdOf("hourly/trigger", NineAm), run.Id);
        Assert.Equal(NineAm, MessageOf(run)["scheduledTime"]!.GetValue<DateTimeOffset>());
        Assert.False(MessageOf(run)["catchUp"]!.GetValue<bool>());
        var schedule = await host.Store.GetScheduleAsync("hourly/trigger", Ct);
        Assert.Equal(NineAm, schedule!.LastFireTime);
        Assert.Equal(NineAm.AddHours(1), schedule.NextFireTime);
    }

    [Theory]
    [InlineData("fireOnce", 1)]
    [InlineData("skip", 0)]
    public async Task Restart_AfterBeingDownAcrossThreeOccurrences_AppliesTheMisfirePolicy(string misfire, int catchUpRuns)
    {
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var before = new TriggerHarness(clock);
        await before.PublishAsync(Hourly("nightly", misfire));
        await before.Scheduler.RunOnceAsync(Ct);

        // Down from 08:59 to 12:30: 09:00, 10:00, 11:00 and 12:00 pass unseen.
        clock.SetUtcNow(NineAm.AddHours(3).AddMinutes(30));
        await using var after = new TriggerHarness(clock, before.Store);
        await after.Scheduler.RunOnceAsync(Ct);
        await after.Scheduler.RunOnceAsync(Ct);

        var runs = await after.RunsAsync("nightly");
        Assert.Equal(catchUpRuns, runs.Count);
        Assert.All(runs, r => Assert.True(MessageOf(r)["catchUp"]!.GetValue<bool>()));
        Assert.All(runs, r => Assert.Equal(NineAm.AddHours(3), MessageOf(r)["scheduledTime"]!.GetValue<DateTimeOffset>()));

        clock.SetUtcNow(NineAm.AddHours(4).AddSeconds(1));
        await after.Scheduler.RunOnceAsync(Ct);
        Assert.Equal(catchUpRuns + 1, (await after.RunsAsync("nightly")).Count);
    }

    [Fact]
    public async Task TwoRuntimesOnOneStore_PassingAtTheSameTime_StartEachOccurrenceOnce()
    {
        // LiteDB lets one process open a data file, so "two hosts" are two runtimes in this
        // process over one shared store: the claim in the store is what keeps them apart.
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var first = new TriggerHarness(clock);
        await using var second = new TriggerHarness(clock, first.Store);
        await first.PublishAsync(Hourly("shared"));
        await second.PublishAsync(Hourly("shared"));
        await Task.WhenAll(first.Scheduler.RunOnceAsync(Ct), second.Scheduler.RunOnceAsync(Ct));

        for (var hour = 0; hour < 3; hour++)
        {
            clock.SetUtcNow(NineAm.AddHours(hour).AddSeconds(1));
            await Task.WhenAll(first.Scheduler.RunOnceAsync(Ct), second.Scheduler.RunOnceAsync(Ct), first.Scheduler.RunOnceAsync(Ct));
        }

        var runs = await first.RunsAsync("shared");
        Assert.Equal(3, runs.Count);
        Assert.Equal(3, runs.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task Restart_AtTheSameOccurrence_DoesNotStartItAgain()
    {
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var before = new TriggerHarness(clock);
        await before.PublishAsync(Hourly("once"));
        await before.Scheduler.RunOnceAsync(Ct);
        clock.SetUtcNow(NineAm.AddSeconds(1));
        await before.Scheduler.RunOnceAsync(Ct);

        await using var after = new TriggerHarness(clock, before.Store);
        await after.Scheduler.RunOnceAsync(Ct);

        Assert.Single(await after.RunsAsync("once"));
    }

    [Fact]
    public async Task ClaimOfADeadRuntime_IsTakenOverAfterTheLease_AndStartedOnce()
    {
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var survivor = new TriggerHarness(clock);
        await survivor.PublishAsync(Hourly("orphan"));
        await survivor.Scheduler.RunOnceAsync(Ct);
        // A runtime claimed 09:00 and died before starting the run.
        var instanceId = ScheduleFirer.InstanceIdOf("orphan/trigger", NineAm);
        await survivor.Store.TryClaimFiringAsync(
            new ScheduleFiring { ScheduleId = "orphan/trigger", FireTime = NineAm, InstanceId = instanceId, ClaimedBy = "dead", ClaimedAt = NineAm },
            NineAm,
            Ct);

        clock.SetUtcNow(NineAm.AddSeconds(30));
        await survivor.Scheduler.RunOnceAsync(Ct);
        Assert.Empty(await survivor.RunsAsync("orphan"));

        clock.SetUtcNow(NineAm.AddMinutes(3));
        await survivor.Scheduler.RunOnceAsync(Ct);
        await survivor.Scheduler.RunOnceAsync(Ct);

        var run = Assert.Single(await survivor.RunsAsync("orphan"));
        Assert.Equal(instanceId, run.Id);
    }

    [Fact]
    public async Task DeletedWorkflow_IsUnscheduled()
    {
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var host = new TriggerHarness(clock);
        await host.PublishAsync(Hourly("retired"));
        await host.Scheduler.RunOnceAsync(Ct);
        Assert.NotNull(await host.Store.GetScheduleAsync("retired/trigger", Ct));

        await host.DeleteAsync("retired");
        await host.Scheduler.RunOnceAsync(Ct);
        clock.SetUtcNow(NineAm.AddSeconds(1));
        await host.Scheduler.RunOnceAsync(Ct);

        Assert.Null(await host.Store.GetScheduleAsync("retired/trigger", Ct));
        Assert.Empty(await host.RunsAsync("retired"));
    }

    [Fact]
    public async Task BerlinSchedule_AcrossTheSpringChange_FiresAtSixLocalTimeOnBothDays()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 28, 3, 0, 0, TimeSpan.Zero));
        await using var host = new TriggerHarness(clock);
        await host.PublishAsync(Hourly("berlin", zone: "Europe/Berlin", cron: "0 0 6 * * ?"));
        await host.Scheduler.RunOnceAsync(Ct);

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 28, 4, 59, 59, TimeSpan.Zero));
        await host.Scheduler.RunOnceAsync(Ct);
        Assert.Empty(await host.RunsAsync("berlin"));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 28, 5, 0, 1, TimeSpan.Zero));
        await host.Scheduler.RunOnceAsync(Ct);
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 3, 59, 59, TimeSpan.Zero));
        await host.Scheduler.RunOnceAsync(Ct);
        Assert.Single(await host.RunsAsync("berlin"));
        clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 4, 0, 1, TimeSpan.Zero));
        await host.Scheduler.RunOnceAsync(Ct);

        var local = (await host.RunsAsync("berlin"))
            .Select(r => MessageOf(r)["scheduledLocalTime"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(["2026-03-28T06:00:00+01:00", "2026-03-29T06:00:00+02:00"], local);
    }

    [Fact]
    public async Task Loop_WokenByTheFakeClock_FiresWithoutAnyPassCalledByHand()
    {
        var clock = new FakeTimeProvider(NineAm.AddMinutes(-1));
        await using var host = new TriggerHarness(clock);
        await host.PublishAsync(Hourly("looped"));
        using var stop = new CancellationTokenSource();
        await host.Scheduler.StartAsync(stop.Token);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while ((await host.RunsAsync("looped")).Count == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the loop never fired");
                clock.Advance(TimeSpan.FromSeconds(10));
                await Task.Delay(10);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await host.Scheduler.StopAsync(CancellationToken.None);
        }

        Assert.Equal(NineAm, MessageOf(Assert.Single(await host.RunsAsync("looped")))["scheduledTime"]!.GetValue<DateTimeOffset>());
    }
}
