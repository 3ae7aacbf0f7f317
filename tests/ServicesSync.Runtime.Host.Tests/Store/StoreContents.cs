using Npgsql;
using ServicesSync.Persistence;
using ServicesSync.Persistence.Transfer;

namespace ServicesSync.Host.Tests.Store;

/// <summary>
/// Everything <see cref="FullStore"/> wrote, read back through the store contract. Dispatched
/// events and completed firings have no contract read, so they come from the caller: the source's
/// export, or the target's tables.
/// </summary>
internal sealed record StoreContents(
    IReadOnlyList<WorkflowDraft?> Drafts,
    IReadOnlyList<PublishedWorkflow> Versions,
    IReadOnlyList<WorkflowInstance?> Instances,
    IReadOnlyList<JournalEntry> Journal,
    IReadOnlyList<BookmarkRecord> Bookmarks,
    IReadOnlyList<DeadLetterEntry?> DeadLetters,
    IReadOnlyList<OutboxEvent> Events,
    IReadOnlyList<IdempotencyRecord?> IdempotencyRecords,
    IReadOnlyList<ApiKeyRecord> ApiKeys,
    IReadOnlyList<ConnectionRecord> Connections,
    IReadOnlyList<CrossReferenceRecord?> CrossReferences,
    IReadOnlyList<ScheduleRecord> Schedules,
    IReadOnlyList<ScheduleFiring> ScheduleFirings,
    IReadOnlyList<WatermarkRecord?> Watermarks)
{
    public static async Task<StoreContents> ReadAsync(IWorkflowStore store, IReadOnlyList<OutboxEvent> events, IReadOnlyList<ScheduleFiring> firings)
    {
        var ct = CancellationToken.None;
        var drafts = new List<WorkflowDraft?>();
        var versions = new List<PublishedWorkflow>();
        foreach (var id in FullStore.Workflows)
        {
            drafts.Add(await store.GetDraftAsync(id, ct));
            versions.AddRange(await store.ListVersionsAsync(id, ct));
        }

        var instances = new List<WorkflowInstance?>();
        var journal = new List<JournalEntry>();
        var bookmarks = new List<BookmarkRecord>();
        foreach (var id in FullStore.Instances)
        {
            instances.Add(await store.GetAsync(id, ct));
            journal.AddRange(await store.GetJournalAsync(id, null, ct));
            bookmarks.AddRange(await store.GetBookmarksAsync(id, ct));
        }

        var deadLetters = new List<DeadLetterEntry?>();
        foreach (var id in FullStore.DeadLetters)
        {
            deadLetters.Add(await store.GetDeadLetterAsync(id, ct));
        }

        var idempotency = new List<IdempotencyRecord?>();
        foreach (var key in FullStore.IdempotencyKeys)
        {
            idempotency.Add(await store.GetIdempotencyRecordAsync(key, ct));
        }

        var crossReferences = new List<CrossReferenceRecord?>();
        foreach (var (type, system, id) in FullStore.CrossReferences)
        {
            crossReferences.Add(await store.FindCrossReferenceAsync(type, system, id, ct));
        }

        var watermarks = new List<WatermarkRecord?>();
        foreach (var (workflowId, name) in FullStore.Watermarks)
        {
            watermarks.Add(await store.GetWatermarkAsync(workflowId, name, ct));
        }

        return new StoreContents(
            drafts,
            versions,
            instances,
            journal,
            bookmarks,
            deadLetters,
            [.. events.OrderBy(e => e.Id, StringComparer.Ordinal)],
            idempotency,
            await store.ListApiKeysAsync(ct),
            await store.ListConnectionsAsync(ct),
            crossReferences,
            await store.ListSchedulesAsync(ct),
            [.. firings.OrderBy(f => f.ScheduleId, StringComparer.Ordinal).ThenBy(f => f.FireTime)],
            watermarks);
    }

    /// <summary>Every event and firing of a LiteDB store, from its export.</summary>
    public static async Task<(List<OutboxEvent> Events, List<ScheduleFiring> Firings)> ExportedAsync(IStoreExport export)
    {
        var events = new List<OutboxEvent>();
        var firings = new List<ScheduleFiring>();
        await foreach (var batch in export.ExportAsync(100, CancellationToken.None))
        {
            events.AddRange(batch.Events);
            firings.AddRange(batch.ScheduleFirings);
        }

        return (events, firings);
    }

    /// <summary>Every event and firing of a PostgreSQL store, from its tables.</summary>
    public static async Task<(List<OutboxEvent> Events, List<ScheduleFiring> Firings)> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var events = new List<OutboxEvent>();
        await using (var command = new NpgsqlCommand("select id, name, correlation_key, payload, source_instance_id, source_activity_id, created_at, dispatched_at from events", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                events.Add(new OutboxEvent
                {
                    Id = reader.GetString(0),
                    Name = reader.GetString(1),
                    CorrelationKey = reader.IsDBNull(2) ? null : reader.GetString(2),
                    PayloadJson = reader.GetString(3),
                    SourceInstanceId = reader.IsDBNull(4) ? null : reader.GetString(4),
                    SourceActivityId = reader.IsDBNull(5) ? null : reader.GetString(5),
                    CreatedAt = Time(reader.GetInt64(6)),
                    DispatchedAt = reader.IsDBNull(7) ? null : Time(reader.GetInt64(7)),
                });
            }
        }

        var firings = new List<ScheduleFiring>();
        await using (var command = new NpgsqlCommand("select schedule_id, fire_time, instance_id, claimed_by, claimed_at, completed_at from schedule_firings", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                firings.Add(new ScheduleFiring
                {
                    ScheduleId = reader.GetString(0),
                    FireTime = Time(reader.GetInt64(1)),
                    InstanceId = reader.GetString(2),
                    ClaimedBy = reader.GetString(3),
                    ClaimedAt = Time(reader.GetInt64(4)),
                    CompletedAt = reader.IsDBNull(5) ? null : Time(reader.GetInt64(5)),
                });
            }
        }

        return (events, firings);
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);
}
