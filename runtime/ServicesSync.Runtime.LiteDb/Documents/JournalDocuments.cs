using System.Globalization;
using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

/// <summary>
/// Journal entries keyed by instance and zero-padded sequence, so the primary key alone keeps a
/// journal in order, finds one instance's journal as a key range and rejects a second entry with
/// the same sequence: no other index to maintain on the hot path.
/// </summary>
internal static class JournalDocuments
{
    public static string Id(string instanceId, long sequence)
        => string.Create(CultureInfo.InvariantCulture, $"{instanceId}/{sequence:D19}");

    /// <summary>The key range holding every entry of <paramref name="instanceId"/> ('0' follows '/').</summary>
    public static (string From, string To) IdRange(string instanceId) => (instanceId + "/", instanceId + "0");

    public static BsonDocument From(JournalEntry entry)
    {
        var document = new BsonDocument
        {
            ["_id"] = Id(entry.InstanceId, entry.Sequence),
            ["instanceId"] = entry.InstanceId,
            ["sequence"] = entry.Sequence,
            ["kind"] = entry.Kind.ToString(),
            ["activityId"] = entry.ActivityId,
            ["attempt"] = entry.Attempt,
            ["startedAt"] = Bson.Time(entry.StartedAt),
            ["completedAt"] = Bson.Time(entry.CompletedAt),
        };
        if (entry.ActivityType.Length > 0)
        {
            document["activityType"] = entry.ActivityType;
        }

        if (entry.Scope.Length > 0)
        {
            document["scope"] = entry.Scope;
        }

        if (entry.Outcomes.Count > 0)
        {
            document["outcomes"] = Bson.Strings(entry.Outcomes);
        }

        document.SetOptional("input", entry.InputJson);
        document.SetOptional("output", entry.OutputJson);
        document.SetOptional("error", entry.Error);
        document.SetOptional("loopKey", entry.LoopKey);
        document.SetOptional("itemIndex", entry.ItemIndex);
        return document;
    }

    public static JournalEntry To(BsonDocument document)
        => new()
        {
            InstanceId = document["instanceId"].AsString,
            Sequence = document["sequence"].AsInt64,
            Kind = Bson.ToEnum<JournalEntryKind>(document["kind"]),
            ActivityId = document["activityId"].AsString,
            ActivityType = Bson.ToNullableString(document["activityType"]) ?? "",
            Scope = Bson.ToNullableString(document["scope"]) ?? "",
            Attempt = document["attempt"].AsInt32,
            StartedAt = Bson.ToTime(document["startedAt"]),
            CompletedAt = Bson.ToTime(document["completedAt"]),
            InputJson = Bson.ToNullableString(document["input"]),
            OutputJson = Bson.ToNullableString(document["output"]),
            Outcomes = Bson.ToStrings(document["outcomes"]),
            Error = Bson.ToError(document["error"]),
            LoopKey = Bson.ToNullableString(document["loopKey"]),
            ItemIndex = Bson.ToNullableInt(document["itemIndex"]),
        };
}
