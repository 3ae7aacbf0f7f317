using System.Text.Json.Nodes;

namespace ServicesSync.Templates.Tests.Cases;

/// <summary>
/// One <c>expected/&lt;case&gt;.json</c> of a template: what the vendor stubs serve, which runs to
/// start (in order, on one store), and what must come out — run status and output, the writes each
/// stubbed system received, dead letters, and records read back from the real systems. The format
/// is described in docs/templates.md.
/// </summary>
internal sealed record TemplateCase
{
    public required string Name { get; init; }

    public required string Path { get; init; }

    public string Description { get; init; } = "";

    /// <summary>system → "METHOD /path[?query]" → response (a file of the template, or {status, json|file}).</summary>
    public JsonObject Serve { get; init; } = [];

    /// <summary>Links the cross-reference table holds before the first run (workers provisioned earlier …).</summary>
    public JsonArray CrossReferences { get; init; } = [];

    /// <summary>system → records the case owns and removes before it runs (Redmine users by login, projects by identifier).</summary>
    public JsonObject Reset { get; init; } = [];

    public required IReadOnlyList<JsonObject> Runs { get; init; }

    /// <summary>system → every write (method, path, body) the stub received, in order; null when not checked.</summary>
    public JsonObject? Posted { get; init; }

    /// <summary>
    /// system → write prefixes (<c>"PUT /services/rest/record/v1/timebill/"</c>) in the order their
    /// writes must have arrived: every write of one prefix before any of the next. <c>posted</c>
    /// lists writes in path order (parallel items arrive in any order); this proves the sequence a
    /// template promises across record kinds, e.g. time posted before the employee is inactivated.
    /// </summary>
    public JsonObject Order { get; init; } = [];

    public JsonArray? DeadLetters { get; init; }

    /// <summary>system → queries whose answers must contain the records listed (subset match).</summary>
    public JsonObject State { get; init; } = [];

    public static TemplateCase Read(string path)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(path);
        var json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path} must hold a JSON object.");
        var known = new HashSet<string>(["$comment", "description", "serve", "crossReferences", "reset", "runs", "posted", "order", "deadLetters", "state"], StringComparer.Ordinal);
        var unknown = json.Select(p => p.Key).Where(k => !known.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new InvalidDataException($"{path}: unknown properties {string.Join(", ", unknown)}; known: {string.Join(", ", known)}.");
        }

        var runs = (json["runs"] as JsonArray)?.OfType<JsonObject>().ToArray();
        if (runs is not { Length: > 0 })
        {
            throw new InvalidDataException($"{path}: 'runs' must list at least one run ({{ \"input\": \"samples/…\", \"status\": \"completed\" }}).");
        }

        return new TemplateCase
        {
            Name = name,
            Path = path,
            Description = (string?)json["description"] ?? "",
            Serve = json["serve"] as JsonObject ?? [],
            CrossReferences = json["crossReferences"] as JsonArray ?? [],
            Reset = json["reset"] as JsonObject ?? [],
            Runs = runs,
            Posted = json["posted"] as JsonObject,
            Order = json["order"] as JsonObject ?? [],
            DeadLetters = json["deadLetters"] as JsonArray,
            State = json["state"] as JsonObject ?? [],
        };
    }

    /// <summary>Every template file this case reads (inputs and served responses), relative to the template folder.</summary>
    public IEnumerable<string> ReferencedFiles()
    {
        foreach (var run in Runs)
        {
            if ((string?)run["input"] is { } input)
            {
                yield return input;
            }
        }

        foreach (var (_, routes) in Serve)
        {
            foreach (var (_, response) in routes?.AsObject() ?? [])
            {
                var file = response is JsonValue ? (string?)response : (string?)response?["file"];
                if (file is not null)
                {
                    yield return file;
                }
            }
        }
    }
}
