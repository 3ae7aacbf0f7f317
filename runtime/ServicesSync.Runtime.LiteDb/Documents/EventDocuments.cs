using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

internal static class EventDocuments
{
    public static BsonDocument From(OutboxEvent outboxEvent)
    {
        var document = new BsonDocument
        {
            ["_id"] = outboxEvent.Id,
            ["name"] = outboxEvent.Name,
            ["payload"] = outboxEvent.PayloadJson,
            ["createdAt"] = Bson.Time(outboxEvent.CreatedAt),
            // Pending events carry 0 so "pending, oldest first" is one index range.
            ["dispatchedAt"] = outboxEvent.DispatchedAt is { } at ? at.UtcTicks : 0L,
        };
        document.SetOptional("correlationKey", outboxEvent.CorrelationKey);
        document.SetOptional("sourceInstanceId", outboxEvent.SourceInstanceId);
        document.SetOptional("sourceActivityId", outboxEvent.SourceActivityId);
        return document;
    }

    public static OutboxEvent To(BsonDocument document)
        => new()
        {
            Id = document["_id"].AsString,
            Name = document["name"].AsString,
            CorrelationKey = Bson.ToNullableString(document["correlationKey"]),
            PayloadJson = document["payload"].AsString,
            SourceInstanceId = Bson.ToNullableString(document["sourceInstanceId"]),
            SourceActivityId = Bson.ToNullableString(document["sourceActivityId"]),
            CreatedAt = Bson.ToTime(document["createdAt"]),
            DispatchedAt = document["dispatchedAt"].AsInt64 == 0 ? null : Bson.ToTime(document["dispatchedAt"]),
        };
}
