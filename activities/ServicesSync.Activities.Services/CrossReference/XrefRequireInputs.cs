namespace ServicesSync.Activities.Services.CrossReference;

internal sealed class XrefRequireInputs
{
    [Input(Required = true, Description = "Canonical entity type, e.g. worker, project, task, customer.")]
    public string? EntityType { get; set; }

    [Input(Required = true, Description = "System the id comes from, e.g. bamboohr, jira, salesforce.")]
    public string? System { get; set; }

    [Input(Required = true, Description = "The id in that system.")]
    public string? Id { get; set; }

    [Input(Description = "System whose id is wanted, e.g. netsuite; when not set, the canonical id is required.")]
    public string? TargetSystem { get; set; }

    [Input(Description = "Reason shown on the dead letter when the mapping is missing; a sentence naming the ids by default.")]
    public string? Reason { get; set; }
}
