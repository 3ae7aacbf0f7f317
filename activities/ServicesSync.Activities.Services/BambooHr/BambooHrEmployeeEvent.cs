using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// One employee change from a BambooHR webhook, in either format. Event-based webhooks carry
/// only ids and changed field names (fetch the employee for values); field-based ones also carry
/// the posted <see cref="Fields"/>, which are the only values known: a field that is not posted
/// is unknown, not empty.
/// </summary>
public sealed record BambooHrEmployeeEvent(
    string Format,
    BambooHrEventKind Kind,
    string EmployeeId,
    string? CompanyId,
    DateTimeOffset? OccurredAt,
    IReadOnlyList<string> ChangedFields,
    JsonObject? Fields)
{
    public const string EventFormat = "event";
    public const string FieldFormat = "field";

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["format"] = Format,
            ["kind"] = Kind.ToString().ToLowerInvariant(),
            ["employeeId"] = EmployeeId,
            ["changedFields"] = new JsonArray([.. ChangedFields.Select(f => (JsonNode)f)]),
        };
        if (CompanyId is not null)
        {
            json["companyId"] = CompanyId;
        }

        if (OccurredAt is { } at)
        {
            json["occurredAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Fields is not null)
        {
            json["fields"] = Fields.DeepClone();
        }

        return json;
    }
}
