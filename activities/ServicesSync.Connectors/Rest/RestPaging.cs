using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities;
using ServicesSync.Connectors.Common;
using ServicesSync.Errors;

namespace ServicesSync.Connectors.Rest;

/// <summary>
/// Offset paging for <c>rest.request</c>: <c>{ items, more, limit?, offsetParameter?, limitParameter?, maxPages? }</c>.
/// Pages are asked for with <c>offset</c> = 0, limit, 2 × limit … while the body's <c>more</c>
/// path is set (Tempo's <c>metadata.next</c>, SuiteQL's <c>hasMore</c>). Running past
/// <c>maxPages</c> is an error, never a silent cut: a reconciliation must not drop what it did not read.
/// </summary>
internal sealed record RestPaging(string Items, string More, int Limit, string OffsetParameter, string LimitParameter, int MaxPages)
{
    public static RestPaging? Read(JsonObject? paging, ActivityContext context)
    {
        if (paging is null)
        {
            return null;
        }

        var problems = new List<string>();
        var items = Text(paging, "items", problems);
        var more = Text(paging, "more", problems);
        var limit = Number(paging, "limit", 1000, problems);
        var maxPages = Number(paging, "maxPages", 100, problems);
        var unknown = paging.Select(p => p.Key).Except(["items", "more", "limit", "offsetParameter", "limitParameter", "maxPages"]).ToArray();
        if (unknown.Length > 0)
        {
            problems.Add($"has unknown properties {string.Join(", ", unknown)}");
        }

        return problems.Count > 0
            ? throw context.Invalid("paging", string.Join("; ", problems) + " (expected { items: \"results\", more: \"metadata.next\", limit: 1000 }).")
            : new RestPaging(items!, more!, limit, (string?)paging["offsetParameter"] ?? "offset", (string?)paging["limitParameter"] ?? "limit", maxPages);
    }

    /// <summary>The items of a page's body at <see cref="Items"/>.</summary>
    public JsonArray ItemsOf(JsonNode? body, ActivityContext context)
        => Find(body, Items) as JsonArray
           ?? throw new ServicesSyncException($"Activity '{context.ActivityId}' ({context.ActivityType}): a page has no array at '{Items}' (paging.items).", ErrorKind.Permanent);

    /// <summary>Whether the body says another page follows: a non-empty, non-false value at <see cref="More"/>.</summary>
    public bool HasMore(JsonNode? body) => Find(body, More) switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag,
        JsonValue v when v.TryGetValue<string>(out var text) => text.Length > 0,
        _ => true,
    };

    public Dictionary<string, string> Query(IReadOnlyDictionary<string, string>? query, int page)
        => new(query ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [LimitParameter] = Limit.ToString(CultureInfo.InvariantCulture),
            [OffsetParameter] = (page * Limit).ToString(CultureInfo.InvariantCulture),
        };

    private static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node;
    }

    private static string? Text(JsonObject paging, string name, List<string> problems)
    {
        var value = paging[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;
        if (value is null)
        {
            problems.Add($"needs '{name}' (a property path in the response body)");
        }

        return value;
    }

    private static int Number(JsonObject paging, string name, int fallback, List<string> problems)
    {
        if (paging[name] is null)
        {
            return fallback;
        }

        if (paging[name] is JsonValue v && v.TryGetValue<int>(out var n) && n > 0)
        {
            return n;
        }

        problems.Add($"'{name}' must be a positive whole number");
        return fallback;
    }
}
