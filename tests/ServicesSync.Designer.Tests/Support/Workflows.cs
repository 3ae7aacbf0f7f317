namespace ServicesSync.Designer.Tests.Support;

/// <summary>Object mother: definitions as JSON over the core activities.</summary>
internal static class Workflows
{
    /// <summary>
    /// webhook → set (<c>{"who": input.name}</c>) → branch (condition literal) → true: set <c>yes</c>,
    /// false: set <c>no</c>; <c>call</c> after <c>yes</c> posts to a closed port and would fault.
    /// </summary>
    public const string Branching = """
        {
          "schemaVersion": 1, "id": "branching", "name": "Branching",
          "activities": [
            { "id": "hook", "type": "core.webhook", "inputs": { "path": "tests/branching" } },
            { "id": "map", "type": "core.set", "inputs": { "template": { "who": "{{input.name}}" } } },
            { "id": "check", "type": "core.branch", "inputs": { "condition": true } },
            { "id": "yes", "type": "core.set", "inputs": { "template": { "path": "yes", "who": "{{input.who}}" } } },
            { "id": "no", "type": "core.set", "inputs": { "template": { "path": "no", "who": "{{input.who}}" } } },
            { "id": "call", "type": "http.request", "inputs": { "url": "http://127.0.0.1:9/refused" }, "retry": { "maxAttempts": 1 } }
          ],
          "connections": [
            { "from": "hook", "to": "map" },
            { "from": "map", "to": "check" },
            { "from": "check", "outcome": "true", "to": "yes" },
            { "from": "check", "outcome": "false", "to": "no" },
            { "from": "yes", "to": "call" }
          ]
        }
        """;

    public static string TestRun(string definition, string input, string pins = "{}")
        => $$"""{ "definition": {{definition}}, "input": {{input}}, "pins": {{pins}}, "wait": 30 }""";
}
