namespace ServicesSync.Host.Tests.Support;

/// <summary>Object mother: workflow definitions as the JSON a person would write, over the core activities.</summary>
internal static class SampleWorkflows
{
    /// <summary>manual trigger → core.set: the output is <c>{"greeting":"Hello NAME"}</c> for input <c>{"name":NAME}</c>.</summary>
    public static string Greet(string id, string name = "Greet") => $$$"""
        {
          "schemaVersion": 1,
          "id": "{{{id}}}",
          "name": "{{{name}}}",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "reply", "type": "core.set", "inputs": { "template": { "greeting": "Hello {{input.name}}" } } }
          ],
          "connections": [ { "from": "start", "to": "reply" } ]
        }
        """;

    /// <summary>An HTTP call to a closed loopback port, without retries: the run faults at activity <c>call</c>.</summary>
    public static string Faulting(string id) => $$"""
        {
          "schemaVersion": 1,
          "id": "{{id}}",
          "name": "Always faults",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "call", "type": "http.request", "inputs": { "url": "http://127.0.0.1:9/refused" }, "retry": { "maxAttempts": 1 } }
          ],
          "connections": [ { "from": "start", "to": "call" } ]
        }
        """;

    /// <summary>Parks every message in the dead-letter list at activity <c>park</c>.</summary>
    public static string Parking(string id) => $$"""
        {
          "schemaVersion": 1,
          "id": "{{id}}",
          "name": "Parks messages",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "park", "type": "core.deadLetter", "inputs": { "reason": "needs review" } }
          ],
          "connections": [ { "from": "start", "to": "park" } ]
        }
        """;

    /// <summary>Readable, but a connection points at an activity that does not exist (an error a draft may keep).</summary>
    public static string WithSemanticError(string id) => $$"""
        {
          "schemaVersion": 1,
          "id": "{{id}}",
          "name": "Work in progress",
          "activities": [ { "id": "start", "type": "core.manual" } ],
          "connections": [ { "from": "start", "to": "nowhere" } ]
        }
        """;

    /// <summary>Valid, with a layout entry for a missing activity: a warning only.</summary>
    public static string WithWarning(string id) => $$"""
        {
          "schemaVersion": 1,
          "id": "{{id}}",
          "name": "Has a warning",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "reply", "type": "core.set", "inputs": { "template": { "ok": true } } }
          ],
          "connections": [ { "from": "start", "to": "reply" } ],
          "layout": { "ghost": { "x": 1, "y": 2 } }
        }
        """;

    public static string WithUnknownType(string id) => $$"""
        {
          "schemaVersion": 1,
          "id": "{{id}}",
          "name": "Unknown type",
          "activities": [
            { "id": "start", "type": "core.manual" },
            { "id": "post", "type": "acme.postInvoice" }
          ],
          "connections": [ { "from": "start", "to": "post" } ]
        }
        """;

    public static string WithNewerSchemaVersion(string id) => $$"""
        { "schemaVersion": 2, "id": "{{id}}", "name": "From the future", "activities": [], "connections": [] }
        """;

    /// <summary>Fails the schema: no name, and a property the format does not have.</summary>
    public static string Unreadable(string id) => $$"""
        { "schemaVersion": 1, "id": "{{id}}", "colour": "blue" }
        """;

    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
