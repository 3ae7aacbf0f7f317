using System.Data.Common;
using Npgsql;
using ServicesSync.Errors;
using ServicesSync.Persistence.PostgreSql.Commits;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string InstanceColumns = """
        id, workflow_id, workflow_version, status, created_at, updated_at, finished_at, trigger_activity_id,
        input, output, error_message, error_kind, error_retryable, variables, state, journal_length,
        incident_count, dead_letter_count, parent_instance_id, replay_of, correlation_key, ad_hoc_definition
        """;

    private const string JournalColumns = """
        instance_id, sequence, kind, activity_id, activity_type, scope, attempt, started_at, completed_at,
        input, output, outcomes, error_message, error_kind, error_retryable, loop_key, item_index
        """;

    private const string InsertJournal = $"insert into journal ({JournalColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)";

    public async Task CommitAsync(IReadOnlyList<InstanceCommit> commits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        if (commits.Count == 0)
        {
            return;
        }

        var plan = CommitPlan.Create(commits);
        try
        {
            await WriteBatchAsync(
                batch =>
                {
                    // The rows every step writes (instances, journal) go set-based, one statement per
                    // table; the rare ones (dead letters, events, bookmarks) one statement per row.
                    batch.BatchCommands.Add(InstanceRows.Command(plan.Instances));
                    if (plan.Journal.Count > 0)
                    {
                        batch.BatchCommands.Add(JournalRows.Command(plan.Journal));
                    }

                    foreach (var deadLetter in plan.DeadLetters)
                    {
                        batch.BatchCommands.Add(Rows.BatchCommand(InsertDeadLetter, DeadLetterValues(deadLetter)));
                    }

                    foreach (var outboxEvent in plan.Events)
                    {
                        // An event id is derived from the step that published it: a repeated commit
                        // of the same step must not publish it twice.
                        batch.BatchCommands.Add(Rows.BatchCommand(InsertEvent + " on conflict (id) do nothing", EventValues(outboxEvent)));
                    }

                    if (plan.BookmarksRemoved.Count > 0)
                    {
                        batch.BatchCommands.Add(Rows.BatchCommand("delete from bookmarks where id = any($1)", [plan.BookmarksRemoved.ToArray()]));
                    }

                    foreach (var bookmark in plan.BookmarksAdded)
                    {
                        batch.BatchCommands.Add(Rows.BatchCommand(UpsertBookmark, BookmarkValues(bookmark)));
                    }

                    foreach (var lease in LeaseRows.Commands(plan.Leases))
                    {
                        batch.BatchCommands.Add(lease);
                    }
                },
                cancellationToken);
        }
        catch (ConflictException e) when (e.InnerException is PostgresException { ConstraintName: { } constraint })
        {
            throw new ConflictException(
                constraint.StartsWith("journal", StringComparison.Ordinal)
                    ? "The commit batch was not applied: a journal entry already exists for the same instance and sequence (two writers on one instance?)."
                    : "The commit batch was not applied: a dead letter with the same id already exists.",
                e.InnerException);
        }
    }

    public Task<WorkflowInstance?> GetAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command($"select {InstanceColumns} from instances where id = $1", null, id);
                return await command.SingleOrDefaultAsync(ReadInstance, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> ListIdsAsync(InstanceStatus status, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<string>>(
            async connection =>
            {
                await using var command = connection.Command("select id from instances where status = $1 order by created_at, id", null, status.ToString());
                return await command.ListAsync(r => r.GetString(0), cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, string? loopKey, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<JournalEntry>>(
            async connection =>
            {
                await using var command = loopKey is null
                    ? connection.Command($"select {JournalColumns} from journal where instance_id = $1 order by sequence", null, instanceId)
                    : connection.Command(
                        $"select {JournalColumns} from journal where instance_id = $1 and kind = $2 and loop_key = $3 order by item_index, sequence",
                        null,
                        instanceId,
                        nameof(JournalEntryKind.ItemCompleted),
                        loopKey);
                return await command.ListAsync(ReadJournalEntry, cancellationToken);
            },
            cancellationToken);

    public async Task<int> PruneAsync(DateTimeOffset finishedBefore, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return 0;
        }

        var pruned = await WriteAsync(
            async (connection, transaction) =>
            {
                await using var select = connection.Command(
                    """
                    select i.id from instances i
                    where i.status in ('Completed', 'Cancelled') and i.finished_at < $1
                      and not exists (select 1 from dead_letters d where d.instance_id = i.id and d.status = 'Open')
                    order by i.finished_at limit $2
                    for update skip locked
                    """,
                    transaction,
                    finishedBefore.UtcTicks,
                    max);
                var victims = (await select.ListAsync(r => r.GetString(0), cancellationToken)).ToArray();
                if (victims.Length == 0)
                {
                    return 0;
                }

                await using var batch = new NpgsqlBatch(connection, transaction);
                foreach (var table in (string[])["journal", "bookmarks", "dead_letters", "run_leases", "run_cancellations"])
                {
                    batch.BatchCommands.Add(Rows.BatchCommand($"delete from {table} where instance_id = any($1)", [victims]));
                }

                batch.BatchCommands.Add(Rows.BatchCommand("delete from instances where id = any($1)", [victims]));
                await batch.ExecuteNonQueryAsync(cancellationToken);
                return victims.Length;
            },
            cancellationToken);
        if (pruned > 0)
        {
            Log.Pruned(_logger, pruned, finishedBefore);
        }

        return pruned;
    }

    private static object?[] InstanceValues(WorkflowInstance i)
    {
        var error = Rows.Error(i.Error);
        return
        [
            i.Id, i.WorkflowId, i.WorkflowVersion, i.Status.ToString(), i.CreatedAt.UtcTicks, i.UpdatedAt.UtcTicks, Rows.Ticks(i.FinishedAt),
            i.TriggerActivityId, i.InputJson, i.OutputJson, error[0], error[1], error[2], i.VariablesJson, i.StateJson, i.JournalLength,
            i.IncidentCount, i.DeadLetterCount, i.ParentInstanceId, i.ReplayOf, i.CorrelationKey, i.AdHocDefinitionJson,
        ];
    }

    private static WorkflowInstance ReadInstance(DbDataReader r)
        => new()
        {
            Id = r.GetString(0),
            WorkflowId = r.GetString(1),
            WorkflowVersion = r.GetInt32(2),
            Status = r.Enum<InstanceStatus>(3),
            CreatedAt = r.Time(4),
            UpdatedAt = r.Time(5),
            FinishedAt = r.NullableTime(6),
            TriggerActivityId = r.GetString(7),
            InputJson = r.NullableString(8),
            OutputJson = r.NullableString(9),
            Error = r.Error(10),
            VariablesJson = r.GetString(13),
            StateJson = r.GetString(14),
            JournalLength = r.GetInt64(15),
            IncidentCount = r.GetInt32(16),
            DeadLetterCount = r.GetInt32(17),
            ParentInstanceId = r.NullableString(18),
            ReplayOf = r.NullableString(19),
            CorrelationKey = r.NullableString(20),
            AdHocDefinitionJson = r.NullableString(21),
        };

    private static object?[] JournalValues(JournalEntry e)
    {
        var error = Rows.Error(e.Error);
        return
        [
            e.InstanceId, e.Sequence, e.Kind.ToString(), e.ActivityId, e.ActivityType, e.Scope, e.Attempt, e.StartedAt.UtcTicks,
            e.CompletedAt.UtcTicks, e.InputJson, e.OutputJson, e.Outcomes.ToArray(), error[0], error[1], error[2], e.LoopKey, e.ItemIndex,
        ];
    }

    private static JournalEntry ReadJournalEntry(DbDataReader r)
        => new()
        {
            InstanceId = r.GetString(0),
            Sequence = r.GetInt64(1),
            Kind = r.Enum<JournalEntryKind>(2),
            ActivityId = r.GetString(3),
            ActivityType = r.GetString(4),
            Scope = r.GetString(5),
            Attempt = r.GetInt32(6),
            StartedAt = r.Time(7),
            CompletedAt = r.Time(8),
            InputJson = r.NullableString(9),
            OutputJson = r.NullableString(10),
            Outcomes = r.GetFieldValue<string[]>(11),
            Error = r.Error(12),
            LoopKey = r.NullableString(15),
            ItemIndex = r.NullableInt(16),
        };
}
