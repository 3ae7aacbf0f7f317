using System.Globalization;
using LiteDB;

namespace ServicesSync.Persistence.LiteDb.Documents;

/// <summary>Schedules, their firing records and watermarks.</summary>
internal static class ScheduleDocuments
{
    public static string FiringId(string scheduleId, DateTimeOffset fireTime)
        => scheduleId + "@" + fireTime.UtcTicks.ToString(CultureInfo.InvariantCulture);

    public static string WatermarkId(string workflowId, string name) => KeyDocuments.IdempotencyId(workflowId + "\n" + name);

    public static BsonDocument FromSchedule(ScheduleRecord schedule)
    {
        var document = new BsonDocument
        {
            ["_id"] = schedule.Id,
            ["workflowId"] = schedule.WorkflowId,
            ["version"] = schedule.Version,
            ["triggerId"] = schedule.TriggerId,
            ["timeZone"] = schedule.TimeZone,
            ["misfire"] = schedule.Misfire.ToString(),
            ["activeSince"] = Bson.Time(schedule.ActiveSince),
            ["updatedAt"] = Bson.Time(schedule.UpdatedAt),
        };
        document.SetOptional("cron", schedule.Cron);
        if (schedule.Interval is { } interval)
        {
            document["interval"] = interval.Ticks;
        }

        document.SetOptional("lastFireTime", schedule.LastFireTime);
        document.SetOptional("nextFireTime", schedule.NextFireTime);
        return document;
    }

    public static ScheduleRecord ToSchedule(BsonDocument document)
        => new()
        {
            Id = document["_id"].AsString,
            WorkflowId = document["workflowId"].AsString,
            Version = document["version"].AsInt32,
            TriggerId = document["triggerId"].AsString,
            Cron = Bson.ToNullableString(document["cron"]),
            Interval = document["interval"].IsNull ? null : TimeSpan.FromTicks(document["interval"].AsInt64),
            TimeZone = document["timeZone"].AsString,
            Misfire = Bson.ToEnum<ScheduleMisfirePolicy>(document["misfire"]),
            ActiveSince = Bson.ToTime(document["activeSince"]),
            LastFireTime = Bson.ToNullableTime(document["lastFireTime"]),
            NextFireTime = Bson.ToNullableTime(document["nextFireTime"]),
            UpdatedAt = Bson.ToTime(document["updatedAt"]),
        };

    public static BsonDocument FromFiring(ScheduleFiring firing) => new()
    {
        ["_id"] = FiringId(firing.ScheduleId, firing.FireTime),
        ["scheduleId"] = firing.ScheduleId,
        ["fireTime"] = Bson.Time(firing.FireTime),
        ["instanceId"] = firing.InstanceId,
        ["claimedBy"] = firing.ClaimedBy,
        ["claimedAt"] = Bson.Time(firing.ClaimedAt),
        // Unfinished claims carry 0 so "unfinished, oldest first" is one index range.
        ["completedAt"] = firing.CompletedAt is { } at ? at.UtcTicks : 0L,
    };

    public static ScheduleFiring ToFiring(BsonDocument document) => new()
    {
        ScheduleId = document["scheduleId"].AsString,
        FireTime = Bson.ToTime(document["fireTime"]),
        InstanceId = document["instanceId"].AsString,
        ClaimedBy = document["claimedBy"].AsString,
        ClaimedAt = Bson.ToTime(document["claimedAt"]),
        CompletedAt = document["completedAt"].AsInt64 == 0 ? null : Bson.ToTime(document["completedAt"]),
    };

    public static BsonDocument FromWatermark(WatermarkRecord record)
    {
        var document = new BsonDocument
        {
            ["_id"] = WatermarkId(record.WorkflowId, record.Name),
            ["workflowId"] = record.WorkflowId,
            ["name"] = record.Name,
            ["value"] = record.ValueJson,
            ["updatedAt"] = Bson.Time(record.UpdatedAt),
        };
        document.SetOptional("updatedBy", record.UpdatedBy);
        return document;
    }

    public static WatermarkRecord ToWatermark(BsonDocument document)
        => new(
            document["workflowId"].AsString,
            document["name"].AsString,
            document["value"].AsString,
            Bson.ToTime(document["updatedAt"]),
            Bson.ToNullableString(document["updatedBy"]));
}
