using System.Data.Common;
using ServicesSync.Definitions;
using ServicesSync.Persistence.PostgreSql.Notifications;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string VersionColumns = "definition, published_at, published_by, retired";

    public Task<WorkflowDraft?> GetDraftAsync(string id, CancellationToken cancellationToken)
        => ReadAsync(
            async connection =>
            {
                await using var command = connection.Command("select definition, etag, updated_at from drafts where id = $1", null, id);
                return await command.SingleOrDefaultAsync(ReadDraft, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<WorkflowSummary>>(
            async connection =>
            {
                // The draft names the workflow when there is one, else its newest live version.
                await using var command = connection.Command(
                    """
                    with latest as (
                        select distinct on (workflow_id) workflow_id, version, name, description, published_at
                        from versions where not retired order by workflow_id, version desc)
                    select coalesce(d.id, l.workflow_id), coalesce(d.name, l.name),
                           case when d.id is null then l.description else d.description end,
                           d.updated_at, d.etag, l.version, l.published_at
                    from drafts d full outer join latest l on l.workflow_id = d.id
                    order by coalesce(d.id, l.workflow_id) collate "C"
                    """,
                    null);
                return await command.ListAsync(
                    r => new WorkflowSummary(
                        r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableTime(3), r.NullableString(4), r.NullableInt(5), r.NullableTime(6)),
                    cancellationToken);
            },
            cancellationToken);

    public Task<WorkflowDraft> SaveDraftAsync(WorkflowDefinition definition, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = DefinitionJson.Serialize(definition with { Version = 0 });
        var etag = CommitValidation.NewETag();
        var updatedAt = _timeProvider.GetUtcNow();
        return WriteAsync(
            async (connection, transaction) =>
            {
                if (expectedETag is not null)
                {
                    await using var current = connection.Command("select etag from drafts where id = $1 for update", transaction, definition.Id);
                    CommitValidation.EnsureETagMatches(definition.Id, (string?)await current.ExecuteScalarAsync(cancellationToken), expectedETag);
                }

                await using var save = connection.Command(
                    """
                    insert into drafts (id, name, description, definition, etag, updated_at) values ($1, $2, $3, $4, $5, $6)
                    on conflict (id) do update set name = excluded.name, description = excluded.description,
                        definition = excluded.definition, etag = excluded.etag, updated_at = excluded.updated_at
                    """,
                    transaction,
                    definition.Id,
                    definition.Name,
                    definition.Description,
                    json,
                    etag,
                    updatedAt.UtcTicks);
                await save.ExecuteNonQueryAsync(cancellationToken);
                return new WorkflowDraft(DefinitionJson.DeserializeTrusted(json), etag, updatedAt);
            },
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, string? expectedETag, CancellationToken cancellationToken)
    {
        var deleted = await WriteAsync(
            async (connection, transaction) =>
            {
                await using var draft = connection.Command("select etag from drafts where id = $1 for update", transaction, id);
                var etag = (string?)await draft.ExecuteScalarAsync(cancellationToken);
                await using var active = connection.Command(
                    "select count(*) from versions where workflow_id = $1 and not retired", transaction, id);
                var activeVersions = (long)(await active.ExecuteScalarAsync(cancellationToken))!;
                if (etag is null && activeVersions == 0)
                {
                    return false;
                }

                if (expectedETag is not null)
                {
                    CommitValidation.EnsureETagMatches(id, etag, expectedETag);
                }

                await using var batch = new Npgsql.NpgsqlBatch(connection, transaction)
                {
                    BatchCommands =
                    {
                        Rows.BatchCommand("delete from drafts where id = $1", id),
                        Rows.BatchCommand("update versions set retired = true where workflow_id = $1 and not retired", id),
                        Rows.BatchCommand(DefinitionChanges.Notify, id),
                    },
                };
                await batch.ExecuteNonQueryAsync(cancellationToken);
                return true;
            },
            cancellationToken);

        // Not waiting for the notification to come back: this node's next start must see the change.
        _published.Invalidate();
        return deleted;
    }

    public async Task<PublishedWorkflow> PublishAsync(WorkflowDefinition definition, string? publishedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var published = await WriteAsync(
            async (connection, transaction) =>
            {
                // Two nodes publishing the same workflow at once take turns, so each gets its own number.
                await using var turn = connection.Command("select pg_advisory_xact_lock(hashtextextended('publish:' || $1, 0))", transaction, definition.Id);
                await turn.ExecuteNonQueryAsync(cancellationToken);
                await using var highest = connection.Command("select coalesce(max(version), 0) from versions where workflow_id = $1", transaction, definition.Id);
                var version = (int)(await highest.ExecuteScalarAsync(cancellationToken))! + 1;
                var published = definition with { Version = version };
                var json = DefinitionJson.Serialize(published);
                var publishedAt = _timeProvider.GetUtcNow();
                await using var insert = connection.Command(
                    "insert into versions (workflow_id, version, name, description, definition, published_at, published_by) values ($1, $2, $3, $4, $5, $6, $7)",
                    transaction,
                    definition.Id,
                    version,
                    definition.Name,
                    definition.Description,
                    json,
                    publishedAt.UtcTicks,
                    publishedBy);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await using var notify = connection.Command(DefinitionChanges.Notify, transaction, definition.Id);
                await notify.ExecuteNonQueryAsync(cancellationToken);
                return new PublishedWorkflow(DefinitionJson.DeserializeTrusted(json), publishedAt, publishedBy);
            },
            cancellationToken);
        _published.Invalidate();
        return published;
    }

    public async Task<PublishedWorkflow?> GetPublishedAsync(string id, int? version, CancellationToken cancellationToken)
    {
        // The newest version is what every start asks for: kept while this node hears every change.
        if (version is null && _published.TryGet(id, out var cached))
        {
            return cached;
        }

        var generation = _published.Generation;
        var published = await ReadAsync(
            async connection =>
            {
                await using var command = version is { } number
                    ? connection.Command($"select {VersionColumns} from versions where workflow_id = $1 and version = $2", null, id, number)
                    : connection.Command($"select {VersionColumns} from versions where workflow_id = $1 and not retired order by version desc limit 1", null, id);
                return await command.SingleOrDefaultAsync(ReadPublished, cancellationToken);
            },
            cancellationToken);
        if (version is null && published is not null)
        {
            _published.Add(id, published, generation);
        }

        return published;
    }

    /// <summary>The newest published versions this store has read, for <see cref="StoreNotificationListener"/> to keep true.</summary>
    internal PublishedCache Published => _published;

    public Task<IReadOnlyList<PublishedWorkflow>> ListVersionsAsync(string id, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<PublishedWorkflow>>(
            async connection =>
            {
                await using var command = connection.Command($"select {VersionColumns} from versions where workflow_id = $1 order by version desc", null, id);
                return await command.ListAsync(ReadPublished, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<PublishedWorkflow>> ListActiveAsync(CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<PublishedWorkflow>>(
            async connection =>
            {
                await using var command = connection.Command(
                    $"select distinct on (workflow_id collate \"C\") {VersionColumns} from versions where not retired order by workflow_id collate \"C\", version desc",
                    null);
                return await command.ListAsync(ReadPublished, cancellationToken);
            },
            cancellationToken);

    private static WorkflowDraft ReadDraft(DbDataReader r)
        => new(DefinitionJson.DeserializeTrusted(r.GetString(0)), r.GetString(1), r.Time(2));

    private static PublishedWorkflow ReadPublished(DbDataReader r)
        => new(DefinitionJson.DeserializeTrusted(r.GetString(0)), r.Time(1), r.NullableString(2)) { Retired = r.GetBoolean(3) };
}
