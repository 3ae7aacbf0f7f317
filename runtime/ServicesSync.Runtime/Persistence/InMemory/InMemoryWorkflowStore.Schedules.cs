namespace ServicesSync.Persistence.InMemory;

internal sealed partial class InMemoryWorkflowStore
{
    private readonly SortedDictionary<string, ScheduleRecord> _schedules = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ScheduleId, long Ticks), ScheduleFiring> _firings = [];

    public Task<IReadOnlyList<ScheduleRecord>> ListSchedulesAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ScheduleRecord>>(_schedules.Values.ToList());
        }
    }

    public Task<ScheduleRecord?> GetScheduleAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_schedules.GetValueOrDefault(id));
        }
    }

    public Task PutScheduleAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        lock (_gate)
        {
            var last = Later(_schedules.GetValueOrDefault(schedule.Id)?.LastFireTime, schedule.LastFireTime);
            _schedules[schedule.Id] = schedule with { LastFireTime = last };
        }

        return Task.CompletedTask;
    }

    public Task<bool> DeleteScheduleAsync(string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var key in _firings.Keys.Where(k => k.ScheduleId == id).ToList())
            {
                _firings.Remove(key);
            }

            return Task.FromResult(_schedules.Remove(id));
        }
    }

    public Task SetScheduleTimesAsync(string id, DateTimeOffset? lastFireTime, DateTimeOffset? nextFireTime, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_schedules.TryGetValue(id, out var schedule))
            {
                _schedules[id] = schedule with { LastFireTime = Later(schedule.LastFireTime, lastFireTime), NextFireTime = nextFireTime };
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryClaimFiringAsync(ScheduleFiring firing, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        lock (_gate)
        {
            var key = (firing.ScheduleId, firing.FireTime.UtcTicks);
            if (_firings.TryGetValue(key, out var existing)
                && (existing.CompletedAt is not null || existing.ClaimedAt >= staleBefore))
            {
                return Task.FromResult(false);
            }

            _firings[key] = firing with { CompletedAt = null };
            return Task.FromResult(true);
        }
    }

    public Task CompleteFiringAsync(string scheduleId, DateTimeOffset fireTime, DateTimeOffset completedAt, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (scheduleId, fireTime.UtcTicks);
            if (_firings.TryGetValue(key, out var firing) && firing.CompletedAt is null)
            {
                _firings[key] = firing with { CompletedAt = completedAt };
            }

            if (_schedules.TryGetValue(scheduleId, out var schedule))
            {
                _schedules[scheduleId] = schedule with { LastFireTime = Later(schedule.LastFireTime, fireTime) };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ScheduleFiring>> ListUnfinishedFiringsAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<ScheduleFiring> unfinished = _firings.Values
                .Where(f => f.CompletedAt is null && f.ClaimedAt < claimedBefore)
                .OrderBy(f => f.ClaimedAt)
                .ThenBy(f => f.ScheduleId, StringComparer.Ordinal)
                .Take(Math.Max(0, max))
                .ToList();
            return Task.FromResult(unfinished);
        }
    }

    public Task<int> PruneFiringsAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var old = _firings.Where(f => f.Value.CompletedAt < completedBefore).Select(f => f.Key).ToList();
            foreach (var key in old)
            {
                _firings.Remove(key);
            }

            return Task.FromResult(old.Count);
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b)
        => a is null ? b : b is null ? a : a > b ? a : b;
}
