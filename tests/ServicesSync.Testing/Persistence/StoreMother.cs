using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Errors;
using ServicesSync.Persistence;

namespace ServicesSync.Testing.Persistence;

/// <summary>Object mother for store records: valid defaults, override what a test is about.</summary>
public static class StoreMother
{
    /// <summary>A non-UTC offset on purpose: stores must keep the instant, whatever the offset.</summary>
    public static DateTimeOffset Epoch { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static DateTimeOffset At(int minutes) => Epoch.AddMinutes(minutes);

    public static WorkflowDefinition Definition(string id = "approved-time-to-billing", string name = "Approved time to billing", string? description = "Posts approved worklogs to the ERP")
        => new()
        {
            Id = id,
            Name = name,
            Description = description,
            Variables = new JsonObject { ["rateCardId"] = "standard-2026", ["roundingMinutes"] = 15 },
            Activities =
            [
                new ActivityNode { Id = "hook", Type = "core.webhook", Inputs = new JsonObject { ["path"] = "jira/worklogs" } },
                new ActivityNode
                {
                    Id = "map",
                    Type = "core.script",
                    TypeVersion = 1,
                    DisplayName = "Map worklog",
                    Inputs = new JsonObject { ["language"] = "javascript", ["code"] = "return { seconds: input.timeSpentSeconds };" },
                    Retry = new RetryPolicySpec { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(2) },
                    Timeout = TimeSpan.FromSeconds(30),
                },
            ],
            Connections = [new Connection { From = "hook", To = "map" }],
            Layout = new JsonObject { ["hook"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
        };

    public static WorkflowInstance Instance(
        string id,
        string workflowId = "approved-time-to-billing",
        InstanceStatus status = InstanceStatus.Running,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? finishedAt = null)
        => new()
        {
            Id = id,
            WorkflowId = workflowId,
            WorkflowVersion = 1,
            Status = status,
            CreatedAt = createdAt ?? Epoch,
            UpdatedAt = finishedAt ?? createdAt ?? Epoch,
            FinishedAt = finishedAt,
            TriggerActivityId = "hook",
        };

    /// <summary>An instance with every optional field set, for round trips.</summary>
    public static WorkflowInstance FullInstance(string id)
        => Instance(id, status: InstanceStatus.Faulted, finishedAt: At(5)) with
        {
            WorkflowVersion = 3,
            InputJson = """{"worklogId":"10042","seconds":3600}""",
            OutputJson = """{"posted":false}""",
            Error = new ErrorInfo("ERP answered 503", ErrorKind.Transient, Retryable: true),
            VariablesJson = """{"rateCardId":"standard-2026"}""",
            StateJson = """{"pending":["post"],"joins":{}}""",
            JournalLength = 7,
            IncidentCount = 1,
            DeadLetterCount = 2,
            ParentInstanceId = "parent-1",
            ReplayOf = "original-1",
            CorrelationKey = "worklog-10042",
            AdHocDefinitionJson = """{"schemaVersion":1,"id":"adhoc","name":"Ad hoc"}""",
        };

    public static JournalEntry Entry(string instanceId, long sequence, JournalEntryKind kind = JournalEntryKind.Completed, string activityId = "map")
        => new()
        {
            InstanceId = instanceId,
            Sequence = sequence,
            Kind = kind,
            ActivityId = activityId,
            ActivityType = "core.script",
            StartedAt = At((int)sequence),
            CompletedAt = At((int)sequence).AddMilliseconds(12.5),
            InputJson = """{"n":1}""",
            OutputJson = """{"n":2}""",
            Outcomes = ["done"],
        };

    /// <summary>An entry with every optional field set, for round trips.</summary>
    public static JournalEntry FullEntry(string instanceId, long sequence)
        => Entry(instanceId, sequence, JournalEntryKind.AttemptFailed) with
        {
            Scope = "loop[3]",
            Attempt = 2,
            Outcomes = ["valid", "audit"],
            Error = new ErrorInfo("Rate card missing", ErrorKind.Validation, Retryable: false),
            LoopKey = "loop#1",
            ItemIndex = 3,
        };

    public static JournalEntry ItemCompleted(string instanceId, long sequence, string loopKey, int itemIndex)
        => Entry(instanceId, sequence, JournalEntryKind.ItemCompleted) with
        {
            Scope = $"loop[{itemIndex}]",
            LoopKey = loopKey,
            ItemIndex = itemIndex,
        };

    public static DeadLetterEntry DeadLetter(
        string id,
        string instanceId,
        string workflowId = "approved-time-to-billing",
        DeadLetterStatus status = DeadLetterStatus.Open,
        DateTimeOffset? createdAt = null)
        => new()
        {
            Id = id,
            Kind = DeadLetterKind.Incident,
            InstanceId = instanceId,
            WorkflowId = workflowId,
            WorkflowVersion = 1,
            ActivityId = "post",
            Scope = "",
            Reason = "ERP rejected the time entry",
            Error = new ErrorInfo("400 Bad Request: project closed", ErrorKind.Permanent, Retryable: false),
            MessageJson = """{"worklogId":"10042"}""",
            CreatedAt = createdAt ?? Epoch,
            Status = status,
            ClosedAt = status == DeadLetterStatus.Open ? null : (createdAt ?? Epoch).AddHours(1),
        };

    public static BookmarkRecord Bookmark(
        string id,
        string instanceId,
        string name = "timesheet.approved",
        string? correlationKey = null,
        DateTimeOffset? resumeAt = null)
        => new()
        {
            Id = id,
            InstanceId = instanceId,
            ActivityId = "wait",
            Name = name,
            CorrelationKey = correlationKey,
            ResumeAt = resumeAt,
            PayloadJson = """{"reason":"waiting"}""",
            CreatedAt = Epoch,
        };

    public static ApiKeyRecord ApiKey(string id, string hash, DateTimeOffset? createdAt = null)
        => new(id, $"key {id}", hash[..6], hash, ["read", "run"], createdAt ?? Epoch);

    public static InstanceCommit Commit(WorkflowInstance instance, params JournalEntry[] journal)
        => new(instance, journal, [], [], []);
}
