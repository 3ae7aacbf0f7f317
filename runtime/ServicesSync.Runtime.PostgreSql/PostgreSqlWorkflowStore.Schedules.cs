using System.Data.Common;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string ScheduleColumns = """
        id, workflow_id, version, trigger_id, cron, interval_ticks, time_zone, misfire, active_since, last_fire_time, next_fire_time, updated_at
        """;

    private const string FiringColumns = "schedule_id, fire_time, instance_id, claimed_by, claimed_at, completed_at";

    public Task<IReadOnlyList<ScheduleRecord>> ListSchedulesAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<ScheduleRecord>>(
            async connection =>
            {
                await using var command = connection.Command($"select {ScheduleColumns} from schedules order by id collate \"C\"", null);
                return await command.ListAsync(ReadSchedule, cancellationToken);
            },
            cancellationToken);

    public Task<ScheduleRecord?> GetScheduleAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command($"select {ScheduleColumns} from schedules where id = $1", null, id);
                return await command.SingleOrDefaultAsync(ReadSchedule, cancellationToken);
            },
            cancellationToken);

    public Task PutScheduleAsync(ScheduleRecord schedule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return WriteAsync(
            async (connection, transaction) =>
            {
                // greatest() ignores nulls: the last fire time never moves backwards, whoever writes.
                await using var command = connection.Command(
                    $"""
                    insert into schedules ({ScheduleColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    on conflict (id) do update set
                        workflow_id = excluded.workflow_id, version = excluded.version, trigger_id = excluded.trigger_id,
                        cron = excluded.cron, interval_ticks = excluded.interval_ticks, time_zone = excluded.time_zone,
                        misfire = excluded.misfire, active_since = excluded.active_since,
                        last_fire_time = greatest(schedules.last_fire_time, excluded.last_fire_time),
                        next_fire_time = excluded.next_fire_time, updated_at = excluded.updated_at
                    """,
                    transaction,
                    schedule.Id,
                    schedule.WorkflowId,
                    schedule.Version,
                    schedule.TriggerId,
                    schedule.Cron,
                    schedule.Interval?.Ticks,
                    schedule.TimeZone,
                    schedule.Misfire.ToString(),
                    schedule.ActiveSince.UtcTicks,
                    Rows.Ticks(schedule.LastFireTime),
                    Rows.Ticks(schedule.NextFireTime),
                    schedule.UpdatedAt.UtcTicks);
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<bool> DeleteScheduleAsync(string id, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var firings = connection.Command("delete from schedule_firings where schedule_id = $1", transaction, id);
                await firings.ExecuteNonQueryAsync(cancellationToken);
                await using var schedule = connection.Command("delete from schedules where id = $1", transaction, id);
                return await schedule.ExecuteNonQueryAsync(cancellationToken) > 0;
            },
            cancellationToken);

    public Task SetScheduleTimesAsync(string id, DateTimeOffset? lastFireTime, DateTimeOffset? nextFireTime, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    "update schedules set last_fire_time = greatest(last_fire_time, $2::bigint), next_fire_time = $3::bigint where id = $1",
                    transaction,
                    id,
                    Rows.Ticks(lastFireTime),
                    Rows.Ticks(nextFireTime));
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public Task<bool> TryClaimFiringAsync(ScheduleFiring firing, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        return WriteAsync(
            async (connection, transaction) =>
            {
                // One statement, so of two nodes claiming at once exactly one gets a row back: a
                // new claim, or a takeover of a claim that was never completed and has gone stale.
                await using var command = connection.Command(
                    $"""
                    insert into schedule_firings ({FiringColumns}) values ($1, $2, $3, $4, $5, null)
                    on conflict (schedule_id, fire_time) do update set
                        instance_id = excluded.instance_id, claimed_by = excluded.claimed_by, claimed_at = excluded.claimed_at
                    where schedule_firings.completed_at is null and schedule_firings.claimed_at < $6
                    returning 1
                    """,
                    transaction,
                    firing.ScheduleId,
                    firing.FireTime.UtcTicks,
                    firing.InstanceId,
                    firing.ClaimedBy,
                    firing.ClaimedAt.UtcTicks,
                    staleBefore.UtcTicks);
                return await command.ExecuteScalarAsync(cancellationToken) is not null;
            },
            cancellationToken);
    }

    public Task CompleteFiringAsync(string scheduleId, DateTimeOffset fireTime, DateTimeOffset completedAt, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var batch = new Npgsql.NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        Rows.BatchCommand(
                            "update schedule_firings set completed_at = $3 where schedule_id = $1 and fire_time = $2 and completed_at is null",
                            scheduleId,
                            fireTime.UtcTicks,
                            completedAt.UtcTicks),
                        Rows.BatchCommand("update schedules set last_fire_time = greatest(last_fire_time, $2) where id = $1", scheduleId, fireTime.UtcTicks),
                    },
                };
                await batch.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<ScheduleFiring>> ListUnfinishedFiringsAsync(DateTimeOffset claimedBefore, int max, CancellationToken cancellationToken)
        => max <= 0
            ? Task.FromResult<IReadOnlyList<ScheduleFiring>>([])
            : ReadAsync<IReadOnlyList<ScheduleFiring>>(
                async connection =>
                {
                    await using var command = connection.Command(
                        $"select {FiringColumns} from schedule_firings where completed_at is null and claimed_at < $1 order by claimed_at, schedule_id collate \"C\" limit $2",
                        null,
                        claimedBefore.UtcTicks,
                        max);
                    return await command.ListAsync(ReadFiring, cancellationToken);
                },
                cancellationToken);

    public Task<int> PruneFiringsAsync(DateTimeOffset completedBefore, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    "delete from schedule_firings where completed_at is not null and completed_at < $1", transaction, completedBefore.UtcTicks);
                return await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public Task<WatermarkRecord?> GetWatermarkAsync(string workflowId, string name, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command(
                    "select workflow_id, name, value, updated_at, updated_by from watermarks where workflow_id = $1 and name = $2", null, workflowId, name);
                return await command.SingleOrDefaultAsync(
                    r => new WatermarkRecord(r.GetString(0), r.GetString(1), r.GetString(2), r.Time(3), r.NullableString(4)), cancellationToken);
            },
            cancellationToken);

    public Task PutWatermarkAsync(WatermarkRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    """
                    insert into watermarks (workflow_id, name, value, updated_at, updated_by) values ($1, $2, $3, $4, $5)
                    on conflict (workflow_id, name) do update set value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                    """,
                    transaction,
                    record.WorkflowId,
                    record.Name,
                    record.ValueJson,
                    record.UpdatedAt.UtcTicks,
                    record.UpdatedBy);
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    private static ScheduleRecord ReadSchedule(DbDataReader r)
        => new()
        {
            Id = r.GetString(0),
            WorkflowId = r.GetString(1),
            Version = r.GetInt32(2),
            TriggerId = r.GetString(3),
            Cron = r.NullableString(4),
            Interval = r.IsDBNull(5) ? null : TimeSpan.FromTicks(r.GetInt64(5)),
            TimeZone = r.GetString(6),
            Misfire = r.Enum<ScheduleMisfirePolicy>(7),
            ActiveSince = r.Time(8),
            LastFireTime = r.NullableTime(9),
            NextFireTime = r.NullableTime(10),
            UpdatedAt = r.Time(11),
        };

    private static ScheduleFiring ReadFiring(DbDataReader r)
        => new()
        {
            ScheduleId = r.GetString(0),
            FireTime = r.Time(1),
            InstanceId = r.GetString(2),
            ClaimedBy = r.GetString(3),
            ClaimedAt = r.Time(4),
            CompletedAt = r.NullableTime(5),
        };
}
