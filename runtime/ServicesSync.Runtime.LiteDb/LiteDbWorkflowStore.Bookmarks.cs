using LiteDB;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore
{
    public Task<IReadOnlyList<BookmarkRecord>> GetBookmarksAsync(string instanceId, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<BookmarkRecord>>(() => Collection(Collections.Bookmarks)
            .Find(Filter.Where().Eq("instanceId", instanceId))
            .Select(BookmarkDocuments.To)
            .OrderBy(b => b.CreatedAt)
            .ThenBy(b => b.Id, StringComparer.Ordinal)
            .ToList());

    public Task<IReadOnlyList<BookmarkRecord>> FindBookmarksAsync(string name, string? correlationKey, CancellationToken cancellationToken)
        => ReadAsync<IReadOnlyList<BookmarkRecord>>(() =>
        {
            var filter = correlationKey is null
                ? Filter.Where().StartsWith("nameKey", BookmarkDocuments.NamePrefix(name))
                : Filter.Where().Eq("nameKey", BookmarkDocuments.NameKey(name, correlationKey));

            // The composite key can be ambiguous when a name holds a line break; the exact
            // comparison below settles it.
            return Collection(Collections.Bookmarks)
                .Find(filter)
                .Select(BookmarkDocuments.To)
                .Where(b => b.Name == name && (correlationKey is null || b.CorrelationKey == correlationKey))
                .OrderBy(b => b.CreatedAt)
                .ThenBy(b => b.Id, StringComparer.Ordinal)
                .ToList();
        });

    public Task<IReadOnlyList<BookmarkRecord>> ListDueBookmarksAsync(DateTimeOffset dueBy, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return Task.FromResult<IReadOnlyList<BookmarkRecord>>([]);
        }

        // A range, not "less or equal": LiteDB orders null before numbers, and bookmarks
        // without a time must not come due.
        return ReadAsync<IReadOnlyList<BookmarkRecord>>(() => Collection(Collections.Bookmarks)
            .Query()
            .Where(Filter.Where().Between("resumeAt", 0L, dueBy.UtcTicks))
            .OrderBy("resumeAt")
            .Limit(max)
            .ToEnumerable()
            .Select(BookmarkDocuments.To)
            .ToList());
    }
}
