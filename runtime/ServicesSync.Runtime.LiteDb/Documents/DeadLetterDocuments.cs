using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

internal static class DeadLetterDocuments
{
    public static BsonDocument From(DeadLetterEntry entry)
    {
        var document = new BsonDocument
        {
            ["_id"] = entry.Id,
            ["kind"] = entry.Kind.ToString(),
            ["instanceId"] = entry.InstanceId,
            ["workflowId"] = entry.WorkflowId,
            ["workflowVersion"] = entry.WorkflowVersion,
            ["activityId"] = entry.ActivityId,
            ["scope"] = entry.Scope,
            ["reason"] = entry.Reason,
            ["createdAt"] = Bson.Time(entry.CreatedAt),
            ["status"] = entry.Status.ToString(),
        };
        document.SetOptional("error", entry.Error);
        document.SetOptional("message", entry.MessageJson);
        document.SetOptional("closedAt", entry.ClosedAt);
        return document;
    }

    public static DeadLetterEntry To(BsonDocument document)
        => new()
        {
            Id = document["_id"].AsString,
            Kind = Bson.ToEnum<DeadLetterKind>(document["kind"]),
            InstanceId = document["instanceId"].AsString,
            WorkflowId = document["workflowId"].AsString,
            WorkflowVersion = document["workflowVersion"].AsInt32,
            ActivityId = document["activityId"].AsString,
            Scope = document["scope"].AsString,
            Reason = document["reason"].AsString,
            Error = Bson.ToError(document["error"]),
            MessageJson = Bson.ToNullableString(document["message"]),
            CreatedAt = Bson.ToTime(document["createdAt"]),
            Status = Bson.ToEnum<DeadLetterStatus>(document["status"]),
            ClosedAt = Bson.ToNullableTime(document["closedAt"]),
        };
}
