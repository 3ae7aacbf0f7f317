using System.Globalization;
using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Connections;

namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>
/// Polls <c>GET /v1/employees/changed?since=…</c> for schedules that do not rely on webhooks.
/// Outputs the changed employees and BambooHR's <c>latest</c> instant, which the next run passes
/// as <c>since</c> so no change falls between two polls.
/// </summary>
[Activity(
    ServicesActivityTypes.BambooHrChangedEmployees,
    Category = "HR",
    DisplayName = "BambooHR changed employees",
    Description = "Lists employees changed since an instant (/v1/employees/changed) through a bamboohr connection. "
        + "Outputs { latest, employees: [{ id, action, lastChanged }] }; keep 'latest' for the next poll.")]
internal sealed class ChangedEmployeesActivity(VendorApi api) : Activity<ChangedEmployeesInputs>
{
    protected override async ValueTask<ActivityResult> ExecuteAsync(ChangedEmployeesInputs inputs, ActivityContext context)
    {
        var since = context.Require(inputs.Since, "since");
        if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) || !since.Contains('T', StringComparison.Ordinal))
        {
            throw context.InvalidInput("since", $"must be an ISO 8601 instant with a time zone, such as 2026-03-01T00:00:00Z; got '{since}'.");
        }

        var query = new Dictionary<string, string> { ["since"] = instant.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) };
        if (inputs.Type != ChangeType.All)
        {
            query["type"] = inputs.Type.ToString().ToLowerInvariant();
        }

        var connection = await api.ConnectionAsync(context, inputs.Connection, ConnectionTypes.BambooHr);
        var answer = await api.GetJsonAsync(connection, BambooHrApi.Path(connection, "v1/employees/changed"), query, context.CancellationToken) as JsonObject ?? [];

        // BambooHR keys the employees object by id; a list in id order is easier to iterate and stable.
        var employees = answer["employees"] as JsonObject ?? [];
        var list = new JsonArray();
        foreach (var (id, employee) in employees.OrderBy(p => long.TryParse(p.Key, out var n) ? n : long.MaxValue).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            list.Add(new JsonObject
            {
                ["id"] = JsonValues.Text(employee?["id"]) ?? id,
                ["action"] = JsonValues.String(employee?["action"])?.ToLowerInvariant(),
                ["lastChanged"] = employee?["lastChanged"]?.DeepClone(),
            });
        }

        return ActivityResult.Done(new JsonObject { ["latest"] = answer["latest"]?.DeepClone() ?? since, ["employees"] = list });
    }
}
