using LiteDB;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task<IReadOnlyList<ScheduleRecord>> ListSchedulesAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<ScheduleRecord>>(() => Collection(Collections.Schedules)
            .FindAll()
            .Select(ScheduleDocuments.ToSchedule)
            .OrderBy(s => s.Id, StringComparer.Ordinal)
            .ToList());

    public Task<ScheduleRecord?> GetScheduleAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.Schedules).FindById(id) is { } document ? ScheduleDocuments.ToSchedule(document) : null);

    public Task PutScheduleAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return WriteAsync(
            () =>
            {
                var schedules = Collection(Collections.Schedules);
                var stored = schedules.FindById(schedule.Id) is { } existing ? ScheduleDocuments.ToSchedule(existing) : null;
                schedules.Upsert(ScheduleDocuments.FromSchedule(schedule with { LastFireTime = Later(stored?.LastFireTime, schedule.LastFireTime) }));
            },
            cancellationToken);
    }

    public Task<bool> DeleteScheduleAsync(string id, CancellationToken cancellationToken)
        => WriteAsync(
            () =>
            {
                Collection(Collections.ScheduleFirings).DeleteMany(Filter.Where().Eq("scheduleId", id));
                return Collection(Collections.Schedules).Delete(id);
            },
            cancellationToken);

    public Task SetScheduleTimesAsync(string id, DateTimeOffset? lastFireTime, DateTimeOffset? nextFireTime, CancellationToken cancellationToken)
        => WriteAsync(() => UpdateScheduleTimes(id, lastFireTime, nextFireTime, keepNext: false), cancellationToken);

    public Task<bool> TryClaimFiringAsync(ScheduleFiring firing, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        var document = ScheduleDocuments.FromFiring(firing with { CompletedAt = null });
        return WriteAsync(
            () =>
            {
                var firings = Collection(Collections.ScheduleFirings);
                if (firings.FindById(document["_id"]) is { } existing)
                {
                    var claim = ScheduleDocuments.ToFiring(existing);
                    if (claim.CompletedAt is not null || claim.ClaimedAt >= staleBefore)
                    {
                        return false;
                    }

                    firings.Update(document);
                    return true;
                }

                firings.Insert(document);
                return true;
            },
            cancellationToken);
    }

    public Task CompleteFiringAsync(string scheduleId, DateTimeOffset fireTime, DateTimeOffset completedAt, CancellationToken cancellationToken)
        => WriteAsync(
            () =>
            {
                var firings = Collection(Collections.ScheduleFirings);
                if (firings.FindById(ScheduleDocuments.FiringId(scheduleId, fireTime)) is { } document && document["completedAt"].AsInt64 == 0)
                {
                    document["completedAt"] = completedAt.UtcTicks;
                    firings.Update(document);
                }

                UpdateScheduleTimes(scheduleId, fireTime, null, keepNext: true);
            },
            cancellationToken);

    public Task<IReadOnlyList<ScheduleFiring>> ListUnfinishedFiringsAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
        => max <= 0
            ? Task.FromResult<IReadOnlyList<ScheduleFiring>>([])
            : ReadAsync<IReadOnlyList<ScheduleFiring>>(() => Collection(Collections.ScheduleFirings)
                .Find(Filter.Where().Eq("completedAt", 0L))
                .Select(ScheduleDocuments.ToFiring)
                .Where(f => f.ClaimedAt < claimedBefore)
                .OrderBy(f => f.ClaimedAt)
                .ThenBy(f => f.ScheduleId, StringComparer.Ordinal)
                .Take(max)
                .ToList());

    public Task<int> PruneFiringsAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
        => WriteAsync(
            () => Collection(Collections.ScheduleFirings).DeleteMany(Filter.Where().Gte("completedAt", 1L).Lt("completedAt", completedBefore.UtcTicks)),
            cancellationToken);

    public Task<WatermarkRecord?> GetWatermarkAsync(string workflowId, string name, CancellationToken cancellationToken)
        => ReadAsync(() => Collection(Collections.Watermarks).FindById(ScheduleDocuments.WatermarkId(workflowId, name)) is { } document
            ? ScheduleDocuments.ToWatermark(document)
            : null);

    public Task PutWatermarkAsync(WatermarkRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var document = ScheduleDocuments.FromWatermark(record);
        return WriteAsync(() => Collection(Collections.Watermarks).Upsert(document), cancellationToken);
    }

    private void UpdateScheduleTimes(string id, DateTimeOffset? lastFireTime, DateTimeOffset? nextFireTime, bool keepNext)
    {
        var schedules = Collection(Collections.Schedules);
        if (schedules.FindById(id) is not { } document)
        {
            return;
        }

        var schedule = ScheduleDocuments.ToSchedule(document);
        schedules.Update(ScheduleDocuments.FromSchedule(schedule with
        {
            LastFireTime = Later(schedule.LastFireTime, lastFireTime),
            NextFireTime = keepNext ? schedule.NextFireTime : nextFireTime,
        }));
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b)
        => a is null ? b : b is null ? a : a > b ? a : b;
}
