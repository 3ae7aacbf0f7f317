namespace ServicesSync.Designer.Tests.Support;

/// <summary>Object mother: template folders (manifest + workflow) written to a test's templates directory.</summary>
internal static class TemplateFixtures
{
    /// <summary>
    /// A scheduled REST fetch: a required connection and rate card, a cron and a number with defaults.
    /// <paramref name="schemaVersion"/> and <paramref name="extraActivityType"/> make templates this server cannot run.
    /// </summary>
    public static string WriteRateSync(string templatesDirectory, string name, int schemaVersion = 1, string? extraActivityType = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(templatesDirectory, name)).FullName;
        var extra = extraActivityType is null ? "" : $$""", { "id": "plugin", "type": "{{extraActivityType}}" }""";
        var extraConnection = extraActivityType is null ? "" : """, { "from": "log", "to": "plugin" }""";
        File.WriteAllText(Path.Combine(folder, "workflow.json"), $$"""
            {
              "schemaVersion": {{schemaVersion}}, "id": "{{name}}", "name": "Rate sync", "description": "Fetches rates on a schedule",
              "variables": { "roundingMinutes": 15 },
              "activities": [
                { "id": "schedule", "type": "core.schedule", "inputs": { "cron": "0 0 6 ? * *", "timeZone": "UTC" } },
                { "id": "fetch", "type": "rest.request", "inputs": { "connection": "set-on-import", "method": "get", "path": "rates" } },
                { "id": "log", "type": "core.log", "inputs": { "message": "synced" } }{{extra}}
              ],
              "connections": [ { "from": "schedule", "to": "fetch" }, { "from": "fetch", "to": "log" }{{extraConnection}} ]
            }
            """);
        File.WriteAllText(Path.Combine(folder, "template.json"), """
            {
              "templateVersion": 1,
              "title": "Rate sync (test)",
              "summary": "Fetches the rate card from the ERP every morning.",
              "tags": ["test"],
              "parameters": [
                { "name": "erpConnection", "title": "ERP connection", "kind": "connection", "connectionType": "rest",
                  "targets": [ { "activity": "fetch", "input": "connection" } ] },
                { "name": "rateCard", "title": "Rate card", "kind": "json", "description": "Rates per role and date.",
                  "targets": [ { "variable": "rateCard" } ] },
                { "name": "cron", "title": "When to sync", "kind": "cron", "default": "0 0 6 ? * *",
                  "targets": [ { "activity": "schedule", "input": "cron" } ] },
                { "name": "roundingMinutes", "title": "Rounding (minutes)", "kind": "number", "default": 15,
                  "targets": [ { "variable": "roundingMinutes" } ] }
              ]
            }
            """);
        return folder;
    }
}
