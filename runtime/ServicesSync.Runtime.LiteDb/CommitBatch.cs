using LiteDB;
using ServicesSync.Errors;
using ServicesSync.Persistence.LiteDb.Documents;

namespace ServicesSync.Persistence.LiteDb;

/// <summary>
/// A batch of commits flattened into what LiteDB applies in bulk: one insert of every journal
/// entry, one upsert of every instance (the last state of each wins), and the bookmark changes
/// folded in commit order into one final delete and one upsert.
/// </summary>
internal sealed class CommitBatch
{
    private CommitBatch(List<BsonDocument> instances, List<BsonDocument> journal, List<BsonDocument> deadLetters, List<string> bookmarksRemoved, List<BsonDocument> bookmarksAdded, List<BsonDocument> events)
    {
        Events = events;
        Instances = instances;
        Journal = journal;
        DeadLetters = deadLetters;
        BookmarksRemoved = bookmarksRemoved;
        BookmarksAdded = bookmarksAdded;
    }

    public List<BsonDocument> Instances { get; }

    public List<BsonDocument> Journal { get; }

    public List<BsonDocument> DeadLetters { get; }

    public List<string> BookmarksRemoved { get; }

    public List<BsonDocument> BookmarksAdded { get; }

    public List<BsonDocument> Events { get; }

    public static CommitBatch Create(IReadOnlyList<InstanceCommit> commits)
    {
        var instances = new Dictionary<string, BsonDocument>(commits.Count, StringComparer.Ordinal);
        var journal = new List<BsonDocument>(commits.Count * 2);
        var journalIds = new HashSet<string>(StringComparer.Ordinal);
        var deadLetters = new List<BsonDocument>();
        var deadLetterIds = new HashSet<string>(StringComparer.Ordinal);
        Dictionary<string, BookmarkRecord?>? bookmarks = null;
        var events = new List<BsonDocument>();
        foreach (var commit in commits)
        {
            CommitValidation.EnsureBelongsToInstance(commit);
            instances[commit.Instance.Id] = InstanceDocuments.From(commit.Instance);
            foreach (var entry in commit.Journal)
            {
                var document = JournalDocuments.From(entry);
                if (!journalIds.Add(document["_id"].AsString))
                {
                    throw new ConflictException($"The commit batch was not applied: it holds journal entry {entry.Sequence} of instance '{entry.InstanceId}' twice.");
                }

                journal.Add(document);
            }

            foreach (var deadLetter in commit.DeadLetters)
            {
                if (!deadLetterIds.Add(deadLetter.Id))
                {
                    throw new ConflictException($"The commit batch was not applied: it holds dead letter '{deadLetter.Id}' twice.");
                }

                deadLetters.Add(DeadLetterDocuments.From(deadLetter));
            }

            foreach (var outboxEvent in commit.Events)
            {
                events.Add(EventDocuments.From(outboxEvent));
            }

            foreach (var id in commit.BookmarksRemoved)
            {
                (bookmarks ??= new(StringComparer.Ordinal))[id] = null;
            }

            foreach (var bookmark in commit.BookmarksAdded)
            {
                (bookmarks ??= new(StringComparer.Ordinal))[bookmark.Id] = bookmark;
            }
        }

        var removed = new List<string>();
        var added = new List<BsonDocument>();
        foreach (var (id, bookmark) in bookmarks ?? [])
        {
            if (bookmark is null)
            {
                removed.Add(id);
            }
            else
            {
                added.Add(BookmarkDocuments.From(bookmark));
            }
        }

        return new CommitBatch([.. instances.Values], journal, deadLetters, removed, added, events);
    }
}
