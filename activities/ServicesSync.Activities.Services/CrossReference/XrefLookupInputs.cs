namespace ServicesSync.Activities.Services.CrossReference;

internal sealed class XrefLookupInputs
{
    [Input(Required = true, Description = "Canonical entity type, e.g. worker, project, task, customer.")]
    public string? EntityType { get; set; }

    [Input(Required = true, Description = "System the id comes from, e.g. bamboohr, jira, salesforce.")]
    public string? System { get; set; }

    [Input(Required = true, Description = "The id in that system, e.g. input.worklog.author.accountId.")]
    public string? Id { get; set; }

    [Input(Description = "System whose id is wanted, e.g. netsuite; when not set, the canonical id is the answer.")]
    public string? TargetSystem { get; set; }
}
