using System.Text.Json.Nodes;
using ServicesSync.Definitions;
using ServicesSync.Errors;

namespace ServicesSync.Testing.Definitions;

/// <summary>Object mother for workflow definitions over <see cref="TestActivities"/>.</summary>
public static class TestWorkflows
{
    /// <summary>The example of DESIGN §3.3, verbatim.</summary>
    public const string DesignExampleJson = """
        {
          "schemaVersion": 1,
          "id": "approved-time-to-billing",
          "version": 3,
          "name": "Approved time to billing",
          "description": "Posts approved worklogs to the ERP as billable time",
          "variables": { "rateCardId": "standard-2026", "roundingMinutes": 15 },
          "activities": [
            { "id": "hook", "type": "jira.worklogApproved", "inputs": { "path": "jira/worklogs" } },
            { "id": "map", "type": "core.script",
              "inputs": { "language": "javascript", "code": "return { workerId: input.author.accountId, seconds: input.timeSpentSeconds };" } },
            { "id": "rate", "type": "finance.validateRateCard",
              "inputs": { "rateCard": { "expression": { "language": "csharp", "code": "Vars[\"rateCardId\"]" } } } },
            { "id": "post", "type": "erp.postTimeEntry", "inputs": { "connection": "erp" },
              "retry": { "maxAttempts": 5, "backoff": "exponential", "initialDelay": "PT2S" } },
            { "id": "suspense", "type": "core.deadLetter", "inputs": { "reason": "rate card violation" } }
          ],
          "connections": [
            { "from": "hook", "to": "map" }, { "from": "map", "to": "rate" },
            { "from": "rate", "outcome": "valid", "to": "post" },
            { "from": "rate", "outcome": "invalid", "to": "suspense" }
          ],
          "layout": { "hook": { "x": 0, "y": 0 } }
        }
        """;

    /// <summary>
    /// A valid workflow using every test type:
    /// <c>start → check -valid→ loop -body→ item</c>, <c>loop -done→ merge</c>,
    /// <c>check -invalid→ reject → merge → finish</c>.
    /// </summary>
    public static WorkflowDefinition Valid() => new()
    {
        Id = "test-workflow",
        Version = 2,
        Name = "Test workflow",
        Description = "Exercises every test activity type",
        Variables = new JsonObject { ["rateCardId"] = "standard", ["limit"] = 10 },
        Activities =
        [
            Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "orders" }),
            Node("check", TestActivities.BranchType, new JsonObject { ["threshold"] = 10 }),
            Node("loop", TestActivities.ForEachType, new JsonObject { ["items"] = Expression("input.items"), ["parallelism"] = 4 }),
            Node("item", TestActivities.TaskType, new JsonObject
            {
                ["message"] = Expression("item.name"),
                ["count"] = 2,
                ["ratio"] = 0.5,
                ["enabled"] = false,
                ["mode"] = "careful",
                ["delay"] = "PT30S",
                ["payload"] = new JsonObject { ["nested"] = new JsonArray(1, 2) },
                ["headers"] = new JsonObject { ["x-source"] = "test" },
                ["tags"] = new JsonArray("a", "b"),
                ["key"] = "fixed",
            }) with
            {
                TypeVersion = 2,
                DisplayName = "Handle one item",
                Timeout = TimeSpan.FromSeconds(30),
                Retry = new RetryPolicySpec
                {
                    MaxAttempts = 5,
                    Backoff = BackoffKind.Linear,
                    InitialDelay = TimeSpan.FromSeconds(2),
                    MaxDelay = TimeSpan.FromMinutes(1),
                    Jitter = false,
                    RetryOn = [ErrorKind.Transient, ErrorKind.Timeout],
                },
            },
            Node("reject", TestActivities.TaskType, new JsonObject { ["message"] = "rejected" }),
            Node("merge", TestActivities.JoinType),
            Node("finish", TestActivities.EndType),
        ],
        Connections =
        [
            Connect("start", "check"),
            Connect("check", "loop", "valid"),
            Connect("check", "reject", "invalid"),
            Connect("loop", "item", "body"),
            Connect("loop", "merge", "done"),
            Connect("reject", "merge"),
            Connect("merge", "finish"),
        ],
        Layout = new JsonObject { ["start"] = new JsonObject { ["x"] = 0, ["y"] = 0 } },
    };

    /// <summary>The smallest valid workflow: a trigger and one task.</summary>
    public static WorkflowDefinition Minimal() => new()
    {
        Id = "minimal",
        Name = "Minimal",
        Activities =
        [
            Node("start", TestActivities.TriggerType, new JsonObject { ["path"] = "in" }),
            Node("work", TestActivities.TaskType, new JsonObject { ["message"] = "hello" }),
        ],
        Connections = [Connect("start", "work")],
    };

    public static ActivityNode Node(string id, string type, JsonObject? inputs = null)
        => new() { Id = id, Type = type, Inputs = inputs ?? [] };

    public static Connection Connect(string from, string to, string? outcome = null)
        => new() { From = from, To = to, Outcome = outcome };

    /// <summary><c>{ "expression": { "language": …, "code": … } }</c>.</summary>
    public static JsonObject Expression(string code, string language = FakeExpressionEvaluator.DefaultLanguage)
        => new Expressions.Expression(language, code).ToJson();
}
