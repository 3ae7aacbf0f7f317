using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Splits BambooHR's employee answer into the requested fields it returned and those it left
/// out. BambooHR omits fields silently (no permission, unknown name), so an absent field is
/// unknown; a present <c>null</c> or <c>""</c> is a value the source really holds as empty.
/// </summary>
internal static class BambooHrEmployeeFields
{
    public static JsonObject Select(JsonObject employee, string requestedId, IReadOnlyList<string> fields)
    {
        var values = new JsonObject();
        var missing = new JsonArray();
        foreach (var field in fields)
        {
            if (employee.TryGetPropertyValue(field, out var value))
            {
                values[field] = value?.DeepClone();
            }
            else
            {
                missing.Add(field);
            }
        }

        return new JsonObject { ["employeeId"] = JsonValues.Text(employee["id"]) ?? requestedId, ["fields"] = values, ["missingFields"] = missing };
    }
}
