using System.Text.Json.Nodes;

namespace ServicesSync.Host.Tests.Hooks;

/// <summary>Object mother: a webhook-triggered workflow whose output echoes what it received.</summary>
internal static class HookDefinitions
{
    public static string Echo(string id, JsonObject hookInputs)
        => new JsonObject
        {
            ["schemaVersion"] = 1,
            ["id"] = id,
            ["name"] = id,
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "hook", ["type"] = "core.webhook", ["inputs"] = hookInputs },
                new JsonObject { ["id"] = "reply", ["type"] = "core.set", ["inputs"] = new JsonObject { ["template"] = new JsonObject { ["received"] = "{{input.event}}" } } }),
            ["connections"] = new JsonArray(new JsonObject { ["from"] = "hook", ["to"] = "reply" }),
        }.ToJsonString();
}
