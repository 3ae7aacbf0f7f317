using Microsoft.Extensions.Logging;
using ServicesSync.Execution.Triggers;
using ServicesSync.Json;
using ServicesSync.Persistence;

namespace ServicesSync.Triggers.Schedules;

/// <summary>
/// Keeps the store's schedule records in step with the <c>core.schedule</c> triggers of the active
/// published workflows: a new trigger is registered, one with new timing starts afresh, one whose
/// workflow was deleted (or whose new version dropped it) is removed. A new version with the same
/// timing keeps its last fire time, so publishing never makes a schedule fire twice.
/// </summary>
internal sealed partial class ScheduleRegistry(ITriggerIndex index, IScheduleStore store, TimeProvider clock, ILogger<ScheduleRegistry> logger)
{
    /// <summary>The registered schedules with their timing, after bringing the store up to date.</summary>
    public async Task<IReadOnlyList<(ScheduleRecord Record, ScheduleTiming Timing)>> SyncAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = (await store.ListSchedulesAsync(cancellationToken)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var active = new List<(ScheduleRecord, ScheduleTiming)>();
        foreach (var binding in await index.GetAsync(TriggerTypes.Schedule, cancellationToken))
        {
            if (!TryRead(binding, now, out var wanted, out var timing))
            {
                continue;
            }

            var record = stored.Remove(wanted.Id, out var existing) ? Merge(existing, wanted) : wanted;
            if (existing is null || record != existing)
            {
                await store.PutScheduleAsync(record, cancellationToken);
                LogRegistered(logger, record.Id, record.Version, record.Cron, record.Interval, record.TimeZone);
            }

            active.Add((record, timing));
        }

        foreach (var removed in stored.Keys)
        {
            await store.DeleteScheduleAsync(removed, cancellationToken);
            LogRemoved(logger, removed);
        }

        return active;
    }

    private static ScheduleRecord Merge(ScheduleRecord existing, ScheduleRecord wanted)
        => existing.SameTiming(wanted)
            ? existing with { Version = wanted.Version, Misfire = wanted.Misfire, UpdatedAt = existing.Version == wanted.Version && existing.Misfire == wanted.Misfire ? existing.UpdatedAt : wanted.UpdatedAt }
            : wanted with { LastFireTime = existing.LastFireTime };

    private bool TryRead(TriggerBinding binding, DateTimeOffset now, out ScheduleRecord record, out ScheduleTiming timing)
    {
        record = null!;
        var cron = binding.Input("cron");
        TimeSpan? interval = binding.Input("interval") is { } text && Iso8601Duration.TryParse(text, out var parsed) ? parsed : null;
        var zone = binding.Input("timeZone") ?? "UTC";
        if (!ScheduleTiming.TryCreate(cron, interval, zone, out timing!, out var problems))
        {
            // Validation refuses these at publish; a definition stored before that rule is skipped, loudly.
            LogUnusable(logger, binding.WorkflowId, binding.Trigger.Id, string.Join("; ", problems.Select(p => $"{p.Input} {p.Message}")));
            return false;
        }

        record = new ScheduleRecord
        {
            Id = ScheduleRecord.IdOf(binding.WorkflowId, binding.Trigger.Id),
            WorkflowId = binding.WorkflowId,
            Version = binding.Version,
            TriggerId = binding.Trigger.Id,
            Cron = string.IsNullOrWhiteSpace(cron) ? null : cron.Trim(),
            Interval = string.IsNullOrWhiteSpace(cron) ? interval : null,
            TimeZone = zone,
            Misfire = binding.Input("misfire") == "skip" ? ScheduleMisfirePolicy.Skip : ScheduleMisfirePolicy.FireOnce,
            ActiveSince = now,
            UpdatedAt = now,
        };
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} registered for version {Version}: cron {Cron} / interval {Interval} in {TimeZone}")]
    private static partial void LogRegistered(ILogger logger, string scheduleId, int version, string? cron, TimeSpan? interval, string timeZone);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {ScheduleId} removed: its workflow or trigger is no longer published")]
    private static partial void LogRemoved(ILogger logger, string scheduleId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule trigger {TriggerId} of {WorkflowId} cannot be scheduled: {Problems}")]
    private static partial void LogUnusable(ILogger logger, string workflowId, string triggerId, string problems);
}
