using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tempo;

/// <summary>
/// Tempo approves timesheets, not worklogs: an approval belongs to one user and one period
/// (<c>{ user: { accountId }, period: { from, to }, status: { key } }</c>). Every worklog of
/// that user dated inside the period shares it; worklogs of other users or other dates do not.
/// Worklogs keep Tempo's <c>billableSeconds</c> next to <c>timeSpentSeconds</c>.
/// </summary>
internal static class TempoApprovalParser
{
    public static JsonObject Parse(JsonNode? approval, IEnumerable<JsonNode?> worklogs)
    {
        if (approval is not JsonObject body)
        {
            throw Invalid($"the approval must be an object; it is {ActivityErrors.Describe(approval)}.");
        }

        var accountId = JsonValues.String(body["user"]?["accountId"]) ?? throw Invalid("user.accountId is missing.");
        var from = Date(body["period"]?["from"], "period.from");
        var to = Date(body["period"]?["to"], "period.to");
        var key = JsonValues.String(body["status"]?["key"]) ?? throw Invalid("status.key is missing.");

        var included = new JsonArray();
        var excluded = 0;
        foreach (var worklog in worklogs.OfType<JsonObject>())
        {
            var author = JsonValues.String(worklog["author"]?["accountId"]);
            var started = worklog["startDate"] is JsonValue start && DateOnly.TryParseExact(JsonValues.String(start), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null;
            if (author != accountId || started is null || started < from || started > to)
            {
                excluded++;
                continue;
            }

            included.Add(Worklog(worklog));
        }

        var output = new JsonObject
        {
            ["accountId"] = accountId,
            ["period"] = new JsonObject { ["from"] = Format(from), ["to"] = Format(to) },
            ["status"] = Status(key),
            ["approved"] = key == "APPROVED",
            ["reviewer"] = JsonValues.String(body["reviewer"]?["accountId"]) ?? JsonValues.String(body["status"]?["actor"]?["accountId"]),
            ["approvedAt"] = body["status"]?["updatedAt"]?.DeepClone(),
            ["requiredSeconds"] = body["requiredSeconds"]?.DeepClone(),
            ["timeSpentSeconds"] = body["timeSpentSeconds"]?.DeepClone(),
            ["worklogs"] = included,
            ["excludedWorklogs"] = excluded,
        };
        return output;
    }

    private static JsonObject Worklog(JsonObject worklog) => new()
    {
        ["tempoWorklogId"] = worklog["tempoWorklogId"]?.DeepClone(),
        ["issueId"] = worklog["issue"]?["id"]?.DeepClone(),
        ["startDate"] = worklog["startDate"]?.DeepClone(),
        ["startTime"] = worklog["startTime"]?.DeepClone(),
        ["timeSpentSeconds"] = worklog["timeSpentSeconds"]?.DeepClone(),
        ["billableSeconds"] = worklog["billableSeconds"]?.DeepClone(),
        ["description"] = worklog["description"]?.DeepClone(),
        ["authorAccountId"] = worklog["author"]?["accountId"]?.DeepClone(),
    };

    /// <summary>Tempo v4 keys (OPEN, IN_REVIEW, APPROVED) and v3 keys (READY_TO_SUBMIT, WAITING_FOR_APPROVAL) as camelCase.</summary>
    private static string Status(string key)
    {
        var parts = key.ToLowerInvariant().Split('_', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? key : parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static DateOnly Date(JsonNode? node, string name)
        => DateOnly.TryParseExact(JsonValues.String(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw Invalid($"{name} must be a date such as 2026-03-02; it is {node?.ToJsonString() ?? "missing"}.");

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ServicesSyncException Invalid(string problem) => new($"Tempo approval: {problem}", ErrorKind.Validation);
}
