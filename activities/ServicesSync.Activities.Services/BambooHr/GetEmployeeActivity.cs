using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Reads one employee with an explicit field list (<c>GET /v1/employees/{id}?fields=…</c>).
/// A requested field missing from the answer (no permission, unknown field) is listed in
/// <c>missingFields</c> and stays unknown downstream; it is never read as empty.
/// </summary>
[Activity(
    ServicesActivityTypes.BambooHrGetEmployee,
    Category = "HR",
    DisplayName = "BambooHR get employee",
    Description = "Reads one BambooHR employee with an explicit fields= list. Outputs { employeeId, fields, missingFields }; "
        + "fields BambooHR did not return are listed as missing, i.e. unknown, never cleared.")]
internal sealed class GetEmployeeActivity(IServiceApiClient api) : Activity<GetEmployeeInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(GetEmployeeInputs inputs, ActivityContext context)
    {
        var baseUrl = context.Require(inputs.BaseUrl, "baseUrl");
        var apiKey = context.Require(inputs.ApiKey, "apiKey");
        var id = context.Require(inputs.EmployeeId, "employeeId");
        var fields = inputs.Fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (fields.Length == 0)
        {
            throw context.InvalidInput("fields", "must name at least one field: BambooHR returns only the fields it is asked for.");
        }

        var relative = $"v1/employees/{Uri.EscapeDataString(id)}?fields={Uri.EscapeDataString(string.Join(',', fields))}";
        var answer = await api.GetJsonAsync(BambooHrApi.Get(baseUrl, apiKey, relative, inputs.Timeout), context.CancellationToken) as JsonObject
            ?? throw context.Invalid($"BambooHR returned no employee object for id {id}.");

        var values = new JsonObject();
        var missing = new JsonArray();
        foreach (var field in fields)
        {
            if (answer.TryGetPropertyValue(field, out var value))
            {
                values[field] = value?.DeepClone();
            }
            else
            {
                missing.Add(field);
            }
        }

        return ActivityResult.Done(new JsonObject { ["employeeId"] = JsonValues.String(answer["id"]) ?? id, ["fields"] = values, ["missingFields"] = missing });
    }
}
