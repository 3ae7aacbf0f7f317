using System.Data.Common;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string EventColumns = "id, name, correlation_key, payload, source_instance_id, source_activity_id, created_at, dispatched_at";

    private const string InsertEvent = $"insert into events ({EventColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8)";

    public Task AddEventAsync(OutboxEvent outboxEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxEvent);
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(InsertEvent + " on conflict (id) do nothing", transaction, EventValues(outboxEvent));
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<OutboxEvent>> ListPendingEventsAsync(int max, CancellationToken cancellationToken)
        => max <= 0
            ? Task.FromResult<IReadOnlyList<OutboxEvent>>([])
            : ReadAsync<IReadOnlyList<OutboxEvent>>(
                async connection =>
                {
                    await using var command = connection.Command(
                        $"select {EventColumns} from events where dispatched_at is null order by created_at, id collate \"C\" limit $1", null, max);
                    return await command.ListAsync(ReadEvent, cancellationToken);
                },
                cancellationToken);

    public Task MarkEventDispatchedAsync(string id, DateTimeOffset dispatchedAt, CancellationToken cancellationToken)
        => WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    "update events set dispatched_at = $2 where id = $1 and dispatched_at is null", transaction, id, dispatchedAt.UtcTicks);
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);

    public Task<int> PruneDispatchedEventsAsync(DateTimeOffset dispatchedBefore, CancellationToken cancellationToken)
        => DeleteInSlicesAsync("events", "dispatched_at is not null and dispatched_at < $1", "dispatched_at", dispatchedBefore, cancellationToken);

    private static object?[] EventValues(OutboxEvent e)
        => [e.Id, e.Name, e.CorrelationKey, e.PayloadJson, e.SourceInstanceId, e.SourceActivityId, e.CreatedAt.UtcTicks, Rows.Ticks(e.DispatchedAt)];

    private static OutboxEvent ReadEvent(DbDataReader r)
        => new()
        {
            Id = r.GetString(0),
            Name = r.GetString(1),
            CorrelationKey = r.NullableString(2),
            PayloadJson = r.GetString(3),
            SourceInstanceId = r.NullableString(4),
            SourceActivityId = r.NullableString(5),
            CreatedAt = r.Time(6),
            DispatchedAt = r.NullableTime(7),
        };
}
