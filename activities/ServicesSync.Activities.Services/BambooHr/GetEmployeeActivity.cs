using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Reads one employee with an explicit field list (<c>GET /v1/employees/{id}?fields=…</c>).
/// A requested field missing from the answer (no permission, unknown field) is listed in
/// <c>missingFields</c> and stays unknown downstream; it is never read as empty. An employee
/// BambooHR does not know (404) takes the <c>notFound</c> outcome, for a suspense path.
/// </summary>
[Activity(
    ServicesActivityTypes.BambooHrGetEmployee,
    Category = "HR",
    DisplayName = "BambooHR get employee",
    Description = "Reads one BambooHR employee through a bamboohr connection with an explicit fields= list. Outputs { employeeId, fields, missingFields }; "
        + "fields BambooHR did not return are listed as missing, i.e. unknown, never cleared. An unknown id goes to 'notFound'.",
    Outcomes = [ActivityOutcomes.Done, BambooHrOutcomes.NotFound])]
internal sealed class GetEmployeeActivity(VendorApi api) : Activity<GetEmployeeInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(GetEmployeeInputs inputs, ActivityContext context)
    {
        var id = context.Require(inputs.EmployeeId, "employeeId");
        var fields = inputs.Fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (fields.Length == 0)
        {
            throw context.InvalidInput("fields", "must name at least one field: BambooHR returns only the fields it is asked for.");
        }

        var connection = await api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.BambooHr);
        var answer = await api.GetJsonAsync(
            connection,
            BambooHrApi.Path(connection, $"v1/employees/{Uri.EscapeDataString(id)}"),
            new Dictionary<string, string> { ["fields"] = string.Join(',', fields) },
            context.CancellationToken,
            notFound: 404);
        if (answer is null)
        {
            return ActivityResult.Outcome(BambooHrOutcomes.NotFound, new JsonObject { ["employeeId"] = id, ["found"] = false });
        }

        var employee = answer as JsonObject ?? throw context.Invalid($"BambooHR answered employee {id} with {ActivityErrors.Describe(answer)}, not an object.");
        return ActivityResult.Done(BambooHrEmployeeFields.Select(employee, id, fields));
    }
}
