namespace ServicesSync.Activities.Services.CrossReference;

internal sealed class XrefLinkInputs
{
    [Input(Required = true, Description = "Canonical entity type, e.g. worker, project, task, customer.")]
    public string? EntityType { get; set; }

    [Input(Description = "Canonical id to link to; when not set, the id already linked to this external id is reused, or a new one is created.")]
    public string? CanonicalId { get; set; }

    [Input(Required = true, Description = "System of the external id, e.g. netsuite.")]
    public string? System { get; set; }

    [Input(Required = true, Description = "The id in that system, e.g. the internal id the ERP returned.")]
    public string? Id { get; set; }
}
