using System.Data.Common;
using System.Text;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string DeadLetterColumns = """
        id, kind, instance_id, workflow_id, workflow_version, activity_id, scope, reason,
        error_message, error_kind, error_retryable, message, created_at, status, closed_at
        """;

    private const string InsertDeadLetter = $"insert into dead_letters ({DeadLetterColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

    public Task<DeadLetterEntry?> GetDeadLetterAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command($"select {DeadLetterColumns} from dead_letters where id = $1", null, id);
                return await command.SingleOrDefaultAsync(ReadDeadLetter, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<DeadLetterEntry>> QueryDeadLettersAsync(DeadLetterStatus? status, string? workflowId, int skip, int take, CancellationToken cancellationToken)
    {
        var limit = ClampTake(take);
        if (limit == 0)
        {
            return Task.FromResult<IReadOnlyList<DeadLetterEntry>>([]);
        }

        var where = new StringBuilder(" where true");
        var values = new List<object?>();
        if (status is { } wanted)
        {
            values.Add(wanted.ToString());
            where.Append(" and status = $").Append(values.Count);
        }

        if (workflowId is not null)
        {
            values.Add(workflowId);
            where.Append(" and workflow_id = $").Append(values.Count);
        }

        return ReadAsync<IReadOnlyList<DeadLetterEntry>>(
            async connection =>
            {
                await using var command = connection.Command(
                    $"select {DeadLetterColumns} from dead_letters{where} order by created_at desc, id desc offset {Math.Max(0, skip)} limit {limit}",
                    null,
                    [.. values]);
                return await command.ListAsync(ReadDeadLetter, cancellationToken);
            },
            cancellationToken);
    }

    public Task<IReadOnlyList<DeadLetterEntry>> ListOpenDeadLettersAsync(string instanceId, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<DeadLetterEntry>>(
            async connection =>
            {
                await using var command = connection.Command(
                    $"select {DeadLetterColumns} from dead_letters where instance_id = $1 and status = 'Open' order by created_at, id collate \"C\"",
                    null,
                    instanceId);
                return await command.ListAsync(ReadDeadLetter, cancellationToken);
            },
            cancellationToken);

    public Task CloseDeadLettersAsync(IReadOnlyCollection<string> ids, DeadLetterStatus status, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (status == DeadLetterStatus.Open)
        {
            throw new ArgumentException("Dead letters are closed as Retried or Discarded, not Open.", nameof(status));
        }

        if (ids.Count == 0)
        {
            return Task.CompletedTask;
        }

        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var command = connection.Command(
                    "update dead_letters set status = $2, closed_at = $3 where id = any($1) and status = 'Open'",
                    transaction,
                    ids.ToArray(),
                    status.ToString(),
                    closedAt.UtcTicks);
                await command.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
    }

    private static object?[] DeadLetterValues(DeadLetterEntry d)
    {
        var error = Rows.Error(d.Error);
        return
        [
            d.Id, d.Kind.ToString(), d.InstanceId, d.WorkflowId, d.WorkflowVersion, d.ActivityId, d.Scope, d.Reason,
            error[0], error[1], error[2], d.MessageJson, d.CreatedAt.UtcTicks, d.Status.ToString(), Rows.Ticks(d.ClosedAt),
        ];
    }

    private static DeadLetterEntry ReadDeadLetter(DbDataReader r)
        => new()
        {
            Id = r.GetString(0),
            Kind = r.Enum<DeadLetterKind>(1),
            InstanceId = r.GetString(2),
            WorkflowId = r.GetString(3),
            WorkflowVersion = r.GetInt32(4),
            ActivityId = r.GetString(5),
            Scope = r.GetString(6),
            Reason = r.GetString(7),
            Error = r.Error(8),
            MessageJson = r.NullableString(11),
            CreatedAt = r.Time(12),
            Status = r.Enum<DeadLetterStatus>(13),
            ClosedAt = r.NullableTime(14),
        };
}
