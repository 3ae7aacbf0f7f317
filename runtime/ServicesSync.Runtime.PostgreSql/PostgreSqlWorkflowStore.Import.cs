using Npgsql;
using ServicesSync.Definitions;
using ServicesSync.Persistence.PostgreSql.Notifications;
using ServicesSync.Persistence.Transfer;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore : IStoreImport
{
    // Plain inserts, never upserts: a record the target already holds is a conflict, not a silent overwrite.
    private const string ImportInstance = $"insert into instances ({InstanceColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)";
    private const string ImportBookmark = $"insert into bookmarks ({BookmarkColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
    private const string ImportDraft = "insert into drafts (id, name, description, definition, etag, updated_at) values ($1, $2, $3, $4, $5, $6)";
    private const string ImportVersion = "insert into versions (workflow_id, version, name, description, definition, published_at, published_by, retired) values ($1, $2, $3, $4, $5, $6, $7, $8)";
    private const string ImportIdempotency = "insert into idempotency (id, key, result, recorded_at) values ($1, $2, $3, $4)";
    private const string ImportApiKey = $"insert into api_keys ({ApiKeyColumns}) values ($1, $2, $3, $4, $5, $6, $7)";
    private const string ImportConnection = $"insert into connections ({ConnectionColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8)";
    private const string ImportCrossReference = $"insert into cross_references ({CrossReferenceColumns}) values ($1, $2, $3, $4, $5)";
    private const string ImportSchedule = $"insert into schedules ({ScheduleColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";
    private const string ImportFiring = $"insert into schedule_firings ({FiringColumns}) values ($1, $2, $3, $4, $5, $6)";
    private const string ImportWatermark = "insert into watermarks (workflow_id, name, value, updated_at, updated_by) values ($1, $2, $3, $4, $5)";

    private static readonly (StoreRecordKind Kind, string Table)[] ImportTables =
    [
        (StoreRecordKind.Drafts, "drafts"),
        (StoreRecordKind.Versions, "versions"),
        (StoreRecordKind.Instances, "instances"),
        (StoreRecordKind.Journal, "journal"),
        (StoreRecordKind.Bookmarks, "bookmarks"),
        (StoreRecordKind.DeadLetters, "dead_letters"),
        (StoreRecordKind.Events, "events"),
        (StoreRecordKind.IdempotencyRecords, "idempotency"),
        (StoreRecordKind.ApiKeys, "api_keys"),
        (StoreRecordKind.Connections, "connections"),
        (StoreRecordKind.CrossReferences, "cross_references"),
        (StoreRecordKind.Schedules, "schedules"),
        (StoreRecordKind.ScheduleFirings, "schedule_firings"),
        (StoreRecordKind.Watermarks, "watermarks"),
    ];

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                var sql = "select " + string.Join(", ", ImportTables.Select(t => $"(select count(*) from {t.Table})"));
                await using var command = connection.Command(sql, null);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return new StoreCounts(ImportTables.Select((t, i) => KeyValuePair.Create(t.Kind, reader.GetInt64(i))));
            },
            cancellationToken);

    public Task ImportAsync(StoreBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var commands = ImportCommands(batch).ToList();
        if (commands.Count == 0)
        {
            return Task.CompletedTask;
        }

        return ImportCoreAsync(commands, batch.Versions.Count > 0, cancellationToken);
    }

    private async Task ImportCoreAsync(List<NpgsqlBatchCommand> commands, bool versions, CancellationToken cancellationToken)
    {
        await WriteAsync(
            async (connection, transaction) =>
            {
                await using var write = new NpgsqlBatch(connection, transaction);
                foreach (var command in commands)
                {
                    write.BatchCommands.Add(command);
                }

                await write.ExecuteNonQueryAsync(cancellationToken);
            },
            cancellationToken);
        if (versions)
        {
            _published.Invalidate();
        }
    }

    private static IEnumerable<NpgsqlBatchCommand> ImportCommands(StoreBatch batch)
    {
        foreach (var d in batch.Drafts)
        {
            // The definition as the draft holds it (version 0), serialised as the store itself does.
            yield return Rows.BatchCommand(ImportDraft, d.Definition.Id, d.Definition.Name, d.Definition.Description, DefinitionJson.Serialize(d.Definition), d.ETag, d.UpdatedAt.UtcTicks);
        }

        foreach (var v in batch.Versions)
        {
            yield return Rows.BatchCommand(
                ImportVersion, v.Id, v.Version, v.Definition.Name, v.Definition.Description, DefinitionJson.Serialize(v.Definition), v.PublishedAt.UtcTicks, v.PublishedBy, v.Retired);
        }

        // Imported versions are publishes too: every node's triggers and cached versions must follow.
        foreach (var workflowId in batch.Versions.Select(v => v.Id).Distinct(StringComparer.Ordinal))
        {
            yield return Rows.BatchCommand(DefinitionChanges.Notify, workflowId);
        }

        foreach (var i in batch.Instances)
        {
            yield return Rows.BatchCommand(ImportInstance, InstanceValues(i));
        }

        foreach (var e in batch.Journal)
        {
            yield return Rows.BatchCommand(InsertJournal, JournalValues(e));
        }

        foreach (var b in batch.Bookmarks)
        {
            yield return Rows.BatchCommand(ImportBookmark, BookmarkValues(b));
        }

        foreach (var d in batch.DeadLetters)
        {
            yield return Rows.BatchCommand(InsertDeadLetter, DeadLetterValues(d));
        }

        foreach (var e in batch.Events)
        {
            yield return Rows.BatchCommand(InsertEvent, EventValues(e));
        }

        foreach (var r in batch.IdempotencyRecords)
        {
            yield return Rows.BatchCommand(ImportIdempotency, IdempotencyId(r.Key), r.Key, r.ResultJson, r.RecordedAt.UtcTicks);
        }

        foreach (var k in batch.ApiKeys)
        {
            yield return Rows.BatchCommand(ImportApiKey, k.Id, k.Name, k.Prefix, k.Hash, k.Scopes.ToArray(), k.CreatedAt.UtcTicks, Rows.Ticks(k.RevokedAt));
        }

        foreach (var c in batch.Connections)
        {
            // Secret key id and ciphertext go in as stored: the copy never holds a secrets key.
            yield return Rows.BatchCommand(ImportConnection, ConnectionValues(c));
        }

        foreach (var x in batch.CrossReferences)
        {
            yield return Rows.BatchCommand(ImportCrossReference, x.EntityType, x.CanonicalId, x.System, x.ExternalId, x.LinkedAt.UtcTicks);
        }

        foreach (var s in batch.Schedules)
        {
            yield return Rows.BatchCommand(
                ImportSchedule,
                s.Id,
                s.WorkflowId,
                s.Version,
                s.TriggerId,
                s.Cron,
                s.Interval?.Ticks,
                s.TimeZone,
                s.Misfire.ToString(),
                s.ActiveSince.UtcTicks,
                Rows.Ticks(s.LastFireTime),
                Rows.Ticks(s.NextFireTime),
                s.UpdatedAt.UtcTicks);
        }

        foreach (var f in batch.ScheduleFirings)
        {
            yield return Rows.BatchCommand(ImportFiring, f.ScheduleId, f.FireTime.UtcTicks, f.InstanceId, f.ClaimedBy, f.ClaimedAt.UtcTicks, Rows.Ticks(f.CompletedAt));
        }

        foreach (var w in batch.Watermarks)
        {
            yield return Rows.BatchCommand(ImportWatermark, w.WorkflowId, w.Name, w.ValueJson, w.UpdatedAt.UtcTicks, w.UpdatedBy);
        }
    }
}
