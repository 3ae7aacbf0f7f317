using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Mapping;

internal sealed class MapBambooHrWorkerInputs
{
    [Input(Description = "The employee: the output of bamboohr.getEmployee, an API employee object, or a field-based webhook event; by default the incoming message.")]
    public JsonNode? Source { get; set; }

    [Input(Description = "Where a canonical field comes from, e.g. { \"costCenter\": \"customCostCenter\", \"billingRole\": \"customBillingRole\", \"timeZone\": \"customTimeZone\" }.")]
    public Dictionary<string, string>? FieldMap { get; set; }

    [Input(Description = "System name of the cost-center codes BambooHR holds, for the cross-reference lookup to the ERP.")]
    public string CostCenterSystem { get; set; } = "bamboohr";

    [Input(Description = "Overrides: an object (usually a JavaScript or C# expression) whose properties replace those of the declarative mapping.")]
    public JsonObject? Script { get; set; }
}
