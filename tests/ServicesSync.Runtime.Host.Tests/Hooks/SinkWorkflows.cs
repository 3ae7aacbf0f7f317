using System.Text.Json.Nodes;

namespace ServicesSync.Host.Tests.Hooks;

/// <summary>Object mother: a webhook whose payload is posted to an ERP sink with the payload's id as idempotency key.</summary>
internal static class SinkWorkflows
{
    public static string HookToSink(string id, JsonObject hookInputs, Uri sinkUrl) => new JsonObject
    {
        ["schemaVersion"] = 1,
        ["id"] = id,
        ["name"] = "Approved time to the ERP",
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = "hook", ["type"] = "core.webhook", ["inputs"] = hookInputs },
            new JsonObject
            {
                ["id"] = "post",
                ["type"] = "http.request",
                ["inputs"] = new JsonObject
                {
                    ["method"] = "post",
                    ["url"] = sinkUrl.ToString(),
                    ["body"] = new JsonObject { ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = "input" } },
                    ["idempotencyKey"] = new JsonObject { ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = "input.id" } },
                },
            }),
        ["connections"] = new JsonArray(new JsonObject { ["from"] = "hook", ["to"] = "post" }),
    }.ToJsonString();
}
