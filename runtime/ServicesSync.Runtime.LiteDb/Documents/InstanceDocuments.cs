using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

internal static class InstanceDocuments
{
    public static BsonDocument From(WorkflowInstance instance)
    {
        var document = new BsonDocument
        {
            ["_id"] = instance.Id,
            ["workflowId"] = instance.WorkflowId,
            ["workflowVersion"] = instance.WorkflowVersion,
            ["status"] = instance.Status.ToString(),
            ["createdAt"] = Bson.Time(instance.CreatedAt),
            ["updatedAt"] = Bson.Time(instance.UpdatedAt),
            ["finishedAt"] = Bson.Time(instance.FinishedAt),
            ["triggerActivityId"] = instance.TriggerActivityId,
            ["variables"] = instance.VariablesJson,
            ["state"] = instance.StateJson,
            ["journalLength"] = instance.JournalLength,
            ["incidentCount"] = instance.IncidentCount,
            ["deadLetterCount"] = instance.DeadLetterCount,
        };
        document.SetOptional("input", instance.InputJson);
        document.SetOptional("output", instance.OutputJson);
        document.SetOptional("error", instance.Error);
        document.SetOptional("parentInstanceId", instance.ParentInstanceId);
        document.SetOptional("replayOf", instance.ReplayOf);
        document.SetOptional("correlationKey", instance.CorrelationKey);
        document.SetOptional("adHocDefinition", instance.AdHocDefinitionJson);
        return document;
    }

    public static WorkflowInstance To(BsonDocument document)
        => new()
        {
            Id = document["_id"].AsString,
            WorkflowId = document["workflowId"].AsString,
            WorkflowVersion = document["workflowVersion"].AsInt32,
            Status = Bson.ToEnum<InstanceStatus>(document["status"]),
            CreatedAt = Bson.ToTime(document["createdAt"]),
            UpdatedAt = Bson.ToTime(document["updatedAt"]),
            FinishedAt = Bson.ToNullableTime(document["finishedAt"]),
            TriggerActivityId = document["triggerActivityId"].AsString,
            InputJson = Bson.ToNullableString(document["input"]),
            OutputJson = Bson.ToNullableString(document["output"]),
            Error = Bson.ToError(document["error"]),
            VariablesJson = document["variables"].AsString,
            StateJson = document["state"].AsString,
            JournalLength = document["journalLength"].AsInt64,
            IncidentCount = document["incidentCount"].AsInt32,
            DeadLetterCount = document["deadLetterCount"].AsInt32,
            ParentInstanceId = Bson.ToNullableString(document["parentInstanceId"]),
            ReplayOf = Bson.ToNullableString(document["replayOf"]),
            CorrelationKey = Bson.ToNullableString(document["correlationKey"]),
            AdHocDefinitionJson = Bson.ToNullableString(document["adHocDefinition"]),
        };
}
