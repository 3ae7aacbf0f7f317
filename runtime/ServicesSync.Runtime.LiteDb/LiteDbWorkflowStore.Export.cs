using System.Runtime.CompilerServices;
using LiteDB;
using ServicesSync.Persistence.LiteDb.Documents;
using ServicesSync.Persistence.LiteDb.Storage;
using ServicesSync.Persistence.Transfer;

namespace ServicesSync.Persistence.LiteDb;

internal sealed partial class LiteDbWorkflowStore : IStoreExport
{
    // One expression text for every page ("after this key"), so LiteDB's expression cache holds one entry.
    private const string AfterKey = "_id > @0";

    private static readonly ExportSource[] ExportSources =
    [
        new(StoreRecordKind.Drafts, Collections.Drafts, page => new StoreBatch { Drafts = [.. page.Select(DefinitionDocuments.ToDraft)] }),
        new(StoreRecordKind.Versions, Collections.Versions, page => new StoreBatch { Versions = [.. page.Select(DefinitionDocuments.ToPublished)] }),
        new(StoreRecordKind.Instances, Collections.Instances, page => new StoreBatch { Instances = [.. page.Select(InstanceDocuments.To)] }),
        new(StoreRecordKind.Journal, Collections.Journal, page => new StoreBatch { Journal = [.. page.Select(JournalDocuments.To)] }),
        new(StoreRecordKind.Bookmarks, Collections.Bookmarks, page => new StoreBatch { Bookmarks = [.. page.Select(BookmarkDocuments.To)] }),
        new(StoreRecordKind.DeadLetters, Collections.DeadLetters, page => new StoreBatch { DeadLetters = [.. page.Select(DeadLetterDocuments.To)] }),
        new(StoreRecordKind.Events, Collections.Events, page => new StoreBatch { Events = [.. page.Select(EventDocuments.To)] }),
        new(StoreRecordKind.IdempotencyRecords, Collections.Idempotency, page => new StoreBatch { IdempotencyRecords = [.. page.Select(KeyDocuments.ToIdempotency)] }),
        new(StoreRecordKind.ApiKeys, Collections.ApiKeys, page => new StoreBatch { ApiKeys = [.. page.Select(KeyDocuments.ToApiKey)] }),
        new(StoreRecordKind.Connections, ConnectionsCollection, page => new StoreBatch { Connections = [.. page.Select(ToConnection)] }),
        new(StoreRecordKind.CrossReferences, Collections.CrossReferences, page => new StoreBatch { CrossReferences = [.. page.Select(CrossReferenceDocuments.To)] }),
        new(StoreRecordKind.Schedules, Collections.Schedules, page => new StoreBatch { Schedules = [.. page.Select(ScheduleDocuments.ToSchedule)] }),
        new(StoreRecordKind.ScheduleFirings, Collections.ScheduleFirings, page => new StoreBatch { ScheduleFirings = [.. page.Select(ScheduleDocuments.ToFiring)] }),
        new(StoreRecordKind.Watermarks, Collections.Watermarks, page => new StoreBatch { Watermarks = [.. page.Select(ScheduleDocuments.ToWatermark)] }),
    ];

    public Task<StoreCounts> CountAsync(CancellationToken cancellationToken)
        => ReadAsync(() => new StoreCounts(ExportSources.Select(s => KeyValuePair.Create(s.Kind, Collection(s.Collection).LongCount()))));

    public async IAsyncEnumerable<StoreBatch> ExportAsync(int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        foreach (var source in ExportSources)
        {
            // Pages follow the primary key, and each is read on its own: no LiteDB cursor (nor the
            // maintenance lock) is held while the caller writes a page elsewhere.
            BsonValue? after = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var page = await ReadAsync(() => ReadPage(source.Collection, after, pageSize));
                if (page.Count == 0)
                {
                    break;
                }

                yield return source.ToBatch(page);
                if (page.Count < pageSize)
                {
                    break;
                }

                after = page[^1]["_id"];
            }
        }
    }

    private List<BsonDocument> ReadPage(string collection, BsonValue? after, int pageSize)
    {
        var query = Collection(collection).Query();
        if (after is not null)
        {
            query = query.Where(BsonExpression.Create(AfterKey, after));
        }

        return query.OrderBy("_id").Limit(pageSize).ToList();
    }

    private sealed record ExportSource(StoreRecordKind Kind, string Collection, Func<IReadOnlyList<BsonDocument>, StoreBatch> ToBatch);
}
