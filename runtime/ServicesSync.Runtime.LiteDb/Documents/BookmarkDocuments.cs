using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

internal static class BookmarkDocuments
{
    /// <summary>
    /// Name and correlation key in one indexed field: an exact key is one lookup, "any key" is a
    /// prefix range over the same index.
    /// </summary>
    public static string NameKey(string name, string? correlationKey) => NamePrefix(name) + correlationKey;

    public static string NamePrefix(string name) => name + "\n";

    public static BsonDocument From(BookmarkRecord bookmark)
    {
        var document = new BsonDocument
        {
            ["_id"] = bookmark.Id,
            ["instanceId"] = bookmark.InstanceId,
            ["activityId"] = bookmark.ActivityId,
            ["scope"] = bookmark.Scope,
            ["name"] = bookmark.Name,
            ["nameKey"] = NameKey(bookmark.Name, bookmark.CorrelationKey),
            ["resumeAt"] = Bson.Time(bookmark.ResumeAt),
            ["createdAt"] = Bson.Time(bookmark.CreatedAt),
        };
        document.SetOptional("correlationKey", bookmark.CorrelationKey);
        document.SetOptional("payload", bookmark.PayloadJson);
        return document;
    }

    public static BookmarkRecord To(BsonDocument document)
        => new()
        {
            Id = document["_id"].AsString,
            InstanceId = document["instanceId"].AsString,
            ActivityId = document["activityId"].AsString,
            Scope = document["scope"].AsString,
            Name = document["name"].AsString,
            CorrelationKey = Bson.ToNullableString(document["correlationKey"]),
            ResumeAt = Bson.ToNullableTime(document["resumeAt"]),
            PayloadJson = Bson.ToNullableString(document["payload"]),
            CreatedAt = Bson.ToTime(document["createdAt"]),
        };
}
