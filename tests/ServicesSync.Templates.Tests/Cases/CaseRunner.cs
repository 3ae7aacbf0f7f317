using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Connections;
using ServicesSync.Connectors.Tryton;
using ServicesSync.Definitions;
using ServicesSync.Templates.Tests.Environment;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Templates.Tests.Cases;

/// <summary>Runs one case of a template in a fresh environment and lists every way the result differs from expected/.</summary>
internal static class CaseRunner
{
    public static async Task<IReadOnlyList<string>> RunAsync(string templateFolder, WorkflowDefinition definition, TemplateCase testCase, IReadOnlySet<string> realSystems)
    {
        var problems = new List<string>();
        var where = $"expected/{testCase.Name}.json";
        var observed = new JsonObject { ["runs"] = new JsonArray() };
        await using var environment = await TemplateEnvironment.StartAsync(templateFolder, testCase, realSystems);
        for (var i = 0; i < testCase.Runs.Count; i++)
        {
            var run = testCase.Runs[i];
            var instance = await environment.RunAsync(definition, SampleInput.Read(templateFolder, run));
            observed["runs"]!.AsArray().Add(new JsonObject
            {
                ["status"] = instance.Status.ToString().ToLowerInvariant(),
                ["error"] = instance.Error?.Message,
                ["output"] = instance.OutputJson is null ? null : JsonNode.Parse(instance.OutputJson),
            });
            var status = instance.Status.ToString();
            var expectedStatus = (string?)run["status"] ?? "completed";
            if (!string.Equals(status, expectedStatus, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{where} runs[{i}]: status {status}, expected {expectedStatus}" + (instance.Error is { } e ? $" ({e.Message})" : ""));
            }

            if (run.TryGetPropertyValue("output", out var output))
            {
                problems.AddRange(JsonExpect.Compare(output, instance.OutputJson is null ? null : JsonNode.Parse(instance.OutputJson), $"{where} runs[{i}].output"));
            }
        }

        await DumpAsync(templateFolder, testCase, environment, definition.Id, observed);
        if (testCase.Posted is { } posted)
        {
            var unknown = posted.Select(p => p.Key).Where(k => k is "tryton" or "redmine" || !TemplateEnvironment.Systems.Contains(k)).ToArray();
            if (unknown.Length > 0)
            {
                problems.Add($"{where}: 'posted' is for stubbed systems (netsuite, jira, bamboohr, workday, tempo, salesforce); use 'state' for {string.Join(", ", unknown)}");
            }

            foreach (var (system, requests) in Writes(environment))
            {
                problems.AddRange(JsonExpect.Compare(posted[system] ?? new JsonArray(), requests, $"{where} posted.{system}"));
            }
        }

        foreach (var (system, prefixes) in testCase.Order)
        {
            problems.AddRange(WriteOrder.Check(ArrivedWrites(environment, system), (prefixes as JsonArray ?? []).Select(p => (string)p!).ToArray(), $"{where} order.{system}"));
        }

        if (testCase.DeadLetters is { } deadLetters)
        {
            problems.AddRange(JsonExpect.Compare(deadLetters, await DeadLettersAsync(environment, definition.Id, deadLetters), $"{where} deadLetters"));
        }

        foreach (var (system, checks) in testCase.State)
        {
            foreach (var (check, index) in (checks as JsonArray ?? []).OfType<JsonObject>().Select((c, n) => (c, n)))
            {
                var actual = system switch
                {
                    "redmine" => await RedmineState.GetAsync(environment.Redmine ?? throw new InvalidDataException($"{where}: state.redmine needs a redmine connection parameter"), (string)check["get"]!),
                    "tryton" => await TrytonRecordsAsync(environment, check),
                    _ => throw new InvalidDataException($"{where}: state is read from tryton or redmine, not '{system}'"),
                };
                problems.AddRange(JsonExpect.Compare(check["match"], actual, $"{where} state.{system}[{index}]", JsonMatch.Subset));
            }
        }

        return problems;
    }

    /// <summary>
    /// With SERVICESSYNC_TEMPLATE_DUMP=DIR, writes what a case produced to DIR/template.case.json:
    /// the starting point when writing a new expectation (read it, check it, keep what is right).
    /// </summary>
    private static async Task DumpAsync(string templateFolder, TemplateCase testCase, TemplateEnvironment environment, string workflowId, JsonObject observed)
    {
        if (System.Environment.GetEnvironmentVariable("SERVICESSYNC_TEMPLATE_DUMP") is not { Length: > 0 } directory)
        {
            return;
        }

        observed["posted"] = new JsonObject(Writes(environment).Select(w => KeyValuePair.Create(w.System, (JsonNode?)w.Requests)));
        observed["deadLetters"] = await DeadLettersAsync(environment, workflowId, []);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(
            Path.Combine(directory, $"{Path.GetFileName(templateFolder)}.{testCase.Name}.json"),
            observed.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The writes a stubbed system received that no canned route answered as a read, in arrival order, as "METHOD path".</summary>
    private static IReadOnlyList<string> ArrivedWrites(TemplateEnvironment environment, string system)
    {
        if (system is "tryton" or "redmine" || !TemplateEnvironment.Systems.Contains(system))
        {
            throw new InvalidDataException($"'order' is for stubbed systems (netsuite, jira, bamboohr, workday, tempo, salesforce), not '{system}'.");
        }

        return [.. WritesOf(environment, system).Select(r => $"{r.Method} {Uri.UnescapeDataString(r.PathAndQuery)}")];
    }

    private static IEnumerable<StubRequest> WritesOf(TemplateEnvironment environment, string system)
    {
        var routes = environment.Routes[system];
        var all = system == "netsuite" ? environment.NetSuite.Server.Requests : environment.Vendors[system].Server.Requests;
        return all.Where(r => r.Method != "GET" && !routes.IsServedRead(r.Method, Uri.UnescapeDataString(r.PathAndQuery)));
    }

    /// <summary>Every write each stub received that no canned route answered, as {method, path, body}.</summary>
    private static IEnumerable<(string System, JsonArray Requests)> Writes(TemplateEnvironment environment)
    {
        foreach (var system in TemplateEnvironment.Systems.Where(s => s is not ("tryton" or "redmine")))
        {
            // In path order (same path: arrival order): for-each items run in parallel, so arrival
            // order across records is not part of what a template promises ('order' checks the part that is).
            var writes = WritesOf(environment, system)
                .OrderBy(r => Uri.UnescapeDataString(r.PathAndQuery), StringComparer.Ordinal)
                .Select(r => (JsonNode)new JsonObject
                {
                    ["method"] = r.Method,
                    ["path"] = Uri.UnescapeDataString(r.PathAndQuery),
                    ["body"] = ParseBody(r.Body),
                });
            yield return (system, new JsonArray([.. writes]));
        }
    }

    private static JsonNode? ParseBody(string body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(body);
        }
    }

    /// <summary>Dead letters of the case's runs (by activity and reason: parallel items finish in any order), each reduced to the properties the expectation names.</summary>
    private static async Task<JsonArray> DeadLettersAsync(TemplateEnvironment environment, string workflowId, JsonArray expected)
    {
        var entries = await environment.Store.QueryDeadLettersAsync(null, workflowId, 0, 1000, CancellationToken.None);
        var result = new JsonArray();
        foreach (var (entry, index) in entries.OrderBy(e => e.ActivityId, StringComparer.Ordinal).ThenBy(e => e.Reason, StringComparer.Ordinal).Select((e, i) => (e, i)))
        {
            var full = new JsonObject
            {
                ["kind"] = entry.Kind.ToString().ToLowerInvariant(),
                ["activity"] = entry.ActivityId,
                ["reason"] = entry.Reason,
                ["message"] = entry.MessageJson is null ? null : JsonNode.Parse(entry.MessageJson),
                ["error"] = entry.Error?.Message,
            };
            var shape = expected.ElementAtOrDefault(index) as JsonObject;
            var reduced = new JsonObject();
            foreach (var (name, value) in full)
            {
                if (shape is null || shape.ContainsKey(name))
                {
                    reduced[name] = value?.DeepClone();
                }
            }

            result.Add(reduced);
        }

        return result;
    }

    private static async Task<JsonNode?> TrytonRecordsAsync(TemplateEnvironment environment, JsonObject check)
    {
        var rpc = environment.Services.GetRequiredService<TrytonRpc>();
        var connection = await environment.Services.GetRequiredService<IConnectionService>().GetAsync("tryton", CancellationToken.None);
        var fields = (check["fields"] as JsonArray ?? []).Select(f => (string)f!).ToArray();
        var ids = await rpc.SearchAsync(connection, (string)check["model"]!, check["domain"]?.DeepClone() as JsonArray ?? [], CancellationToken.None);
        var records = await rpc.ReadAsync(connection, (string)check["model"]!, ids.Order(), fields, CancellationToken.None);
        return new JsonArray([.. records.OfType<JsonObject>().OrderBy(r => (int?)r["id"]).Select(r => (JsonNode)r.DeepClone())]);
    }
}
