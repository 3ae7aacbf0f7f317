using System.Data.Common;

namespace ServicesSync.Persistence.PostgreSql;

internal sealed partial class PostgreSqlWorkflowStore
{
    private const string BookmarkColumns = "id, instance_id, activity_id, scope, name, correlation_key, resume_at, payload, created_at";

    private const string UpsertBookmark = $"""
        insert into bookmarks ({BookmarkColumns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        on conflict (id) do update set
            instance_id = excluded.instance_id, activity_id = excluded.activity_id, scope = excluded.scope, name = excluded.name,
            correlation_key = excluded.correlation_key, resume_at = excluded.resume_at, payload = excluded.payload, created_at = excluded.created_at
        """;

    public Task<IReadOnlyList<BookmarkRecord>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<BookmarkRecord>>(
            async connection =>
            {
                await using var command = connection.Command($"select {BookmarkColumns} from bookmarks where instance_id = $1 order by created_at, id collate \"C\"", null, instanceId);
                return await command.ListAsync(ReadBookmark, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? correlationKey, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<BookmarkRecord>>(
            async connection =>
            {
                await using var command = correlationKey is null
                    ? connection.Command($"select {BookmarkColumns} from bookmarks where name = $1 order by created_at, id collate \"C\"", null, name)
                    : connection.Command($"select {BookmarkColumns} from bookmarks where name = $1 and correlation_key = $2 order by created_at, id collate \"C\"", null, name, correlationKey);
                return await command.ListAsync(ReadBookmark, cancellationToken);
            },
            cancellationToken);

    public Task<IReadOnlyList<BookmarkRecord>> ListDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<BookmarkRecord>>([]);
        }

        return ReadAsync<IReadOnlyList<BookmarkRecord>>(
            async connection =>
            {
                await using var command = connection.Command(
                    $"select {BookmarkColumns} from bookmarks where resume_at is not null and resume_at <= $1 order by resume_at, id collate \"C\" limit $2",
                    null,
                    dueBy.UtcTicks,
                    max);
                return await command.ListAsync(ReadBookmark, cancellationToken);
            },
            cancellationToken);
    }

    private static object?[] BookmarkValues(BookmarkRecord b)
        => [b.Id, b.InstanceId, b.ActivityId, b.Scope, b.Name, b.CorrelationKey, Rows.Ticks(b.ResumeAt), b.PayloadJson, b.CreatedAt.UtcTicks];

    private static BookmarkRecord ReadBookmark(DbDataReader r)
        => new()
        {
            Id = r.GetString(0),
            InstanceId = r.GetString(1),
            ActivityId = r.GetString(2),
            Scope = r.GetString(3),
            Name = r.GetString(4),
            CorrelationKey = r.NullableString(5),
            ResumeAt = r.NullableTime(6),
            PayloadJson = r.NullableString(7),
            CreatedAt = r.Time(8),
        };
}
