using System.Globalization;

namespace ServicesSync.Persistence.Transfer;

/// <summary>How many records of each kind a store holds (a kind it has none of counts 0).</summary>
public sealed class StoreCounts
{
    private readonly Dictionary<StoreRecordKind, long> counts;

    public StoreCounts(IEnumerable<KeyValuePair<StoreRecordKind, long>> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        this.counts = new Dictionary<StoreRecordKind, long>(counts);
    }

    public long this[StoreRecordKind kind] => counts.GetValueOrDefault(kind);

    public long Total => counts.Values.Sum();

    public bool IsEmpty => Total == 0;

    /// <summary>What a person reads: "1 draft, 3 journal entries" (kinds with records only), or "nothing".</summary>
    public string Describe()
    {
        var held = Enum.GetValues<StoreRecordKind>()
            .Where(kind => this[kind] > 0)
            .Select(kind => string.Create(CultureInfo.InvariantCulture, $"{this[kind]} {Label(kind, this[kind])}"))
            .ToList();
        return held.Count == 0 ? "nothing" : string.Join(", ", held);
    }

    /// <summary>The kind as a plural noun ("journal entries"), singular when <paramref name="count"/> is 1.</summary>
    public static string Label(StoreRecordKind kind, long count = 2)
    {
        var (one, many) = kind switch
        {
            StoreRecordKind.Drafts => ("draft", "drafts"),
            StoreRecordKind.Versions => ("published version", "published versions"),
            StoreRecordKind.Instances => ("instance", "instances"),
            StoreRecordKind.Journal => ("journal entry", "journal entries"),
            StoreRecordKind.Bookmarks => ("bookmark", "bookmarks"),
            StoreRecordKind.DeadLetters => ("dead letter", "dead letters"),
            StoreRecordKind.Events => ("event", "events"),
            StoreRecordKind.IdempotencyRecords => ("idempotency record", "idempotency records"),
            StoreRecordKind.ApiKeys => ("API key", "API keys"),
            StoreRecordKind.Connections => ("connection", "connections"),
            StoreRecordKind.CrossReferences => ("cross-reference", "cross-references"),
            StoreRecordKind.Schedules => ("schedule", "schedules"),
            StoreRecordKind.ScheduleFirings => ("schedule firing", "schedule firings"),
            StoreRecordKind.Watermarks => ("watermark", "watermarks"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return count == 1 ? one : many;
    }
}
