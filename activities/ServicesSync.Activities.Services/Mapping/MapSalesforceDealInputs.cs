using System.Text.Json.Nodes;
using ServicesSync.Canonical;

namespace ServicesSync.Activities.Services.Mapping;

internal sealed class MapSalesforceDealInputs
{
    [Input(Description = "The output of salesforce.opportunity (won); by default the incoming message.")]
    public JsonObject? Source { get; set; }

    [Input(Description = "ISO 4217 currency when the org has no multi-currency (no CurrencyIsoCode on the opportunity).")]
    public string? Currency { get; set; }

    [Input(Description = "How the new project bills.")]
    public BillingType BillingType { get; set; } = BillingType.TimeAndMaterials;

    [Input(Description = "Overrides: an object (usually an expression) whose properties replace those of the output { customer, project }.")]
    public JsonObject? Script { get; set; }
}
