using LiteDB;
using ServicesSync.Persistence.LiteDb.Documents;

namespace ServicesSync.Persistence.LiteDb;

/// <summary>A <see cref="CommitPlan"/> as the documents LiteDB applies in bulk.</summary>
internal sealed class CommitBatch
{
    private CommitBatch(CommitPlan plan)
    {
        Instances = plan.Instances.Select(InstanceDocuments.From).ToList();
        Journal = plan.Journal.Select(JournalDocuments.From).ToList();
        DeadLetters = plan.DeadLetters.Select(DeadLetterDocuments.From).ToList();
        Events = plan.Events.Select(EventDocuments.From).ToList();
        BookmarksRemoved = plan.BookmarksRemoved;
        BookmarksAdded = plan.BookmarksAdded.Select(BookmarkDocuments.From).ToList();
    }

    public List<BsonDocument> Instances { get; }

    public List<BsonDocument> Journal { get; }

    public List<BsonDocument> DeadLetters { get; }

    public IReadOnlyList<string> BookmarksRemoved { get; }

    public List<BsonDocument> BookmarksAdded { get; }

    public List<BsonDocument> Events { get; }

    public static CommitBatch Create(IReadOnlyList<InstanceCommit> commits) => new(CommitPlan.Create(commits));
}
