using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using ServicesSync.Errors;
using ServicesSync.Execution;
using ServicesSync.Persistence;

namespace ServicesSync.Triggers.Schedules;

/// <summary>
/// Fires what is due. Each occurrence is claimed in the store before its run starts, and the run's
/// id derives from the schedule and the scheduled time, so a second runtime on the same store, a
/// restart, or a claim taken over after a crash never starts an occurrence twice. Occurrences
/// missed while no runtime ran are handled by the schedule's misfire policy: one catch-up run now
/// (fireOnce) or none (skip).
/// </summary>
internal sealed partial class ScheduleFirer(
    IScheduleStore store,
    IWorkflowRuntime runtime,
    TriggerOptions options,
    TimeProvider clock,
    ILogger<ScheduleFirer> logger)
{
    private const int RecoveryBatch = 100;

    /// <summary>Identifies this process's claims in the store.</summary>
    private readonly string owner = Guid.NewGuid().ToString("N");

    /// <summary>The latest occurrence this process has handled per schedule, so a lost claim race is not retried.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> handled = new(StringComparer.Ordinal);

    /// <summary>Fires every due occurrence; returns when the next one is due (null when none ever is).</summary>
    public async Task<DateTimeOffset?> FireDueAsync(IReadOnlyList<(ScheduleRecord Record, ScheduleTiming Timing)> schedules, CancellationToken cancellationToken)
    {
        DateTimeOffset? earliest = null;
        foreach (var (listed, timing) in schedules)
        {
            var schedule = await store.GetScheduleAsync(listed.Id, cancellationToken) ?? listed;
            var next = await FireDueAsync(schedule, timing, cancellationToken);
            if (next is { } due && (earliest is null || due < earliest))
            {
                earliest = due;
            }
        }

        return earliest;
    }

    /// <summary>Starts the runs of claims whose owner died before starting them.</summary>
    public async Task RecoverAsync(IReadOnlyList<(ScheduleRecord Record, ScheduleTiming Timing)> schedules, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var firing in await store.ListUnfinishedFiringsAsync(now - options.ClaimLease, RecoveryBatch, cancellationToken))
        {
            var schedule = await store.GetScheduleAsync(firing.ScheduleId, cancellationToken);
            if (schedule is null)
            {
                continue;
            }

            var takeover = firing with { ClaimedBy = owner, ClaimedAt = now };
            if (await store.TryClaimFiringAsync(takeover, now - options.ClaimLease, cancellationToken))
            {
                LogTakenOver(logger, schedule.Id, firing.FireTime, firing.ClaimedBy);
                var timing = schedules.FirstOrDefault(s => s.Record.Id == schedule.Id).Timing;
                await StartAsync(schedule, firing.FireTime, firing.InstanceId, catchUp: true, timing, cancellationToken);
            }
        }
    }

    private async Task<DateTimeOffset?> FireDueAsync(ScheduleRecord schedule, ScheduleTiming timing, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var from = Latest(schedule.ActiveSince, schedule.LastFireTime, handled.TryGetValue(schedule.Id, out var mine) ? mine : null);
        var latest = timing.LatestAtOrBefore(now);
        if (latest is { } occurrence && occurrence > from)
        {
            var onTime = now - occurrence <= options.MisfireThreshold;
            if (onTime || schedule.Misfire == ScheduleMisfirePolicy.FireOnce)
            {
                await FireAsync(schedule, timing, occurrence, catchUp: !onTime, cancellationToken);
            }
            else
            {
                LogSkipped(logger, schedule.Id, occurrence);
            }

            handled[schedule.Id] = occurrence;
            from = occurrence;
        }

        var next = timing.NextAfter(from > now ? from : now);
        var last = handled.TryGetValue(schedule.Id, out var handledLast) ? handledLast : (DateTimeOffset?)null;
        if (next != schedule.NextFireTime || last > schedule.LastFireTime || (last is not null && schedule.LastFireTime is null))
        {
            // Written only on change: the API shows these times, the firing itself does not need them.
            await store.SetScheduleTimesAsync(schedule.Id, last, next, cancellationToken);
        }

        return next;
    }

    private async Task FireAsync(ScheduleRecord schedule, ScheduleTiming timing, DateTimeOffset occurrence, bool catchUp, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var firing = new ScheduleFiring
        {
            ScheduleId = schedule.Id,
            FireTime = occurrence,
            InstanceId = InstanceIdOf(schedule.Id, occurrence),
            ClaimedBy = owner,
            ClaimedAt = now,
        };
        if (!await store.TryClaimFiringAsync(firing, now - options.ClaimLease, cancellationToken))
        {
            // Another runtime on this store has it (or already started it).
            return;
        }

        await StartAsync(schedule, occurrence, firing.InstanceId, catchUp, timing, cancellationToken);
    }

    private async Task StartAsync(ScheduleRecord schedule, DateTimeOffset occurrence, string instanceId, bool catchUp, ScheduleTiming? timing, CancellationToken cancellationToken)
    {
        var local = timing?.ToLocal(occurrence);
        var message = new JsonObject
        {
            ["scheduledTime"] = occurrence.ToUniversalTime(),
            ["scheduledLocalTime"] = local,
            ["firedAt"] = clock.GetUtcNow(),
            ["timeZone"] = schedule.TimeZone,
            ["catchUp"] = catchUp,
        };
        try
        {
            await runtime.StartAsync(
                new StartRunRequest
                {
                    WorkflowId = schedule.WorkflowId,
                    Version = schedule.Version,
                    TriggerActivityId = schedule.TriggerId,
                    Input = message,
                    InstanceId = instanceId,
                },
                cancellationToken);
            LogFired(logger, schedule.Id, occurrence, instanceId, catchUp);
        }
        catch (ServicesSyncException exception) when (!exception.Retryable)
        {
            // The version was retired or the trigger is gone: retrying the claim would fail the same way.
            LogNotStarted(logger, exception, schedule.Id, occurrence);
        }

        await store.CompleteFiringAsync(schedule.Id, occurrence, clock.GetUtcNow(), cancellationToken);
    }

    public static string InstanceIdOf(string scheduleId, DateTimeOffset occurrence)
        => DerivedIds.For("sched-", scheduleId, occurrence.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static DateTimeOffset Latest(DateTimeOffset first, DateTimeOffset? second, DateTimeOffset? third)
    {
        var latest = first;
        if (second > latest)
        {
            latest = second.Value;
        }

        if (third > latest)
        {
            latest = third.Value;
        }

        return latest;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} fired for {ScheduledTime} as {InstanceId} (catch-up: {CatchUp})")]
    private static partial void LogFired(ILogger logger, string scheduleId, DateTimeOffset scheduledTime, string instanceId, bool catchUp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} skipped the missed occurrence {ScheduledTime} (misfire policy skip)")]
    private static partial void LogSkipped(ILogger logger, string scheduleId, DateTimeOffset scheduledTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Schedule {ScheduleId} took over the occurrence {ScheduledTime} claimed by {PreviousOwner}, which never started it")]
    private static partial void LogTakenOver(ILogger logger, string scheduleId, DateTimeOffset scheduledTime, string previousOwner);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule {ScheduleId} could not start its run for {ScheduledTime}")]
    private static partial void LogNotStarted(ILogger logger, Exception exception, string scheduleId, DateTimeOffset scheduledTime);
}
