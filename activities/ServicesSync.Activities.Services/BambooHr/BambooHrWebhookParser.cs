using System.Text.Json.Nodes;
using ServicesSync.Errors;
using ServicesSync.Webhooks;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Reads both BambooHR webhook payloads (JSON encoding):
/// event-based <c>{ type: "employee.updated", timestamp, data: { companyId, employeeId, changedFields } }</c>
/// and field-based <c>{ employees: [ { id, action: "Updated", timestamp, changedFields, fields } ] }</c>,
/// plus an already normalized event (so a for-each over a batch can feed items back in).
/// </summary>
internal static class BambooHrWebhookParser
{
    public static IReadOnlyList<BambooHrEmployeeEvent> Parse(JsonNode? payload)
    {
        if (payload is not JsonObject body)
        {
            throw Invalid($"the payload must be a JSON object, but it is {ActivityErrors.Describe(payload)}. Configure the webhook with the JSON encoding, not form post.");
        }

        if (body["type"] is JsonValue && body["data"] is JsonObject data)
        {
            return [EventBased(body, data)];
        }

        if (body["employees"] is JsonArray employees)
        {
            return [.. employees.Select((e, i) => FieldBased(e as JsonObject ?? throw Invalid($"employees[{i}] must be an object."), i))];
        }

        if (body["format"] is JsonValue && body["employeeId"] is JsonValue)
        {
            return [Normalized(body)];
        }

        throw Invalid("the payload is neither an event-based webhook (type, data) nor a field-based one (employees).");
    }

    private static BambooHrEmployeeEvent EventBased(JsonObject body, JsonObject data)
    {
        var type = JsonValues.String(body["type"]) ?? "";
        var kind = type switch
        {
            "employee.created" => BambooHrEventKind.Created,
            "employee.updated" => BambooHrEventKind.Updated,
            "employee.deleted" => BambooHrEventKind.Deleted,
            _ => throw Invalid($"the event type '{type}' is not employee.created, employee.updated or employee.deleted."),
        };
        return new BambooHrEmployeeEvent(
            BambooHrEmployeeEvent.EventFormat,
            kind,
            Id(data["employeeId"]) ?? throw Invalid("data.employeeId is missing."),
            Id(data["companyId"]),
            Timestamp(body["timestamp"]),
            Strings(data["changedFields"]),
            null);
    }

    private static BambooHrEmployeeEvent FieldBased(JsonObject employee, int index)
    {
        var action = JsonValues.String(employee["action"]) ?? "";
        var kind = action.ToLowerInvariant() switch
        {
            "created" or "inserted" => BambooHrEventKind.Created,
            "updated" => BambooHrEventKind.Updated,
            "deleted" => BambooHrEventKind.Deleted,
            _ => throw Invalid($"employees[{index}].action '{action}' is not Created, Updated or Deleted."),
        };
        return new BambooHrEmployeeEvent(
            BambooHrEmployeeEvent.FieldFormat,
            kind,
            Id(employee["id"]) ?? throw Invalid($"employees[{index}].id is missing."),
            null,
            Timestamp(employee["timestamp"]),
            Strings(employee["changedFields"]),
            employee["fields"] is JsonObject fields ? fields.DeepClone().AsObject() : []);
    }

    private static BambooHrEmployeeEvent Normalized(JsonObject body)
        => new(
            JsonValues.String(body["format"]) ?? BambooHrEmployeeEvent.EventFormat,
            Enum.TryParse<BambooHrEventKind>(JsonValues.String(body["kind"]), ignoreCase: true, out var kind) ? kind : throw Invalid($"kind '{body["kind"]}' is not created, updated or deleted."),
            Id(body["employeeId"]) ?? throw Invalid("employeeId is missing."),
            Id(body["companyId"]),
            Timestamp(body["occurredAt"]),
            Strings(body["changedFields"]),
            body["fields"] as JsonObject is { } fields ? fields.DeepClone().AsObject() : null);

    // BambooHR sends ids as strings in one format and numbers in another; both are the same id.
    private static string? Id(JsonNode? node) => JsonValues.Text(node);

    private static DateTimeOffset? Timestamp(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<DateTimeOffset>(out var typed) => typed,
        JsonValue value when value.TryGetValue<string>(out var text) && WebhookSignatures.TryParseTimestamp(text, out var at) => at,
        _ => null,
    };

    private static IReadOnlyList<string> Strings(JsonNode? node)
        => node is JsonArray array ? [.. array.Select(n => JsonValues.String(n)).Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)] : [];

    private static ServicesSyncException Invalid(string problem) => new($"BambooHR webhook: {problem}", ErrorKind.Validation);
}
