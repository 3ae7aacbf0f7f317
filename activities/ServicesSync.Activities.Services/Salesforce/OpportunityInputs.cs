using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Salesforce;

internal sealed class OpportunityInputs
{
    [Input(Description = "The Opportunity: a REST record, a SOQL query result with one record, or a Change Data Capture event; by default the incoming message.")]
    public JsonNode? Opportunity { get; set; }
}
