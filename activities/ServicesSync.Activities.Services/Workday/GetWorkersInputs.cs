namespace ServicesSync.Activities.Services.Workday;

internal sealed class GetWorkersInputs
{
    [Input(Required = true, Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a workday connection (tenant services host, property 'tenant'; auth bearer or oauth2ClientCredentials, or basic for an integration "
            + "system user). Its password or token lives encrypted in the connection, never here.")]
    public string? Connection { get; set; }

    [Input(Description = "rest: the REST /workers API (summary fields). soap: the Human_Resources Get_Workers operation, with hire, termination and rehire "
        + "data and a change pull by transaction log window.")]
    public WorkersApi Api { get; set; } = WorkersApi.Rest;

    [Input(Description = "rest: one worker by its Workday ID (WID); when empty, every worker (or those matching 'search') page by page.")]
    public string? WorkerId { get; set; }

    [Input(Description = "rest: only workers whose name or id matches this text (Workday's 'search').")]
    public string? Search { get; set; }

    [Input(Description = "soap: path of the Human_Resources service, e.g. ccx/service/acme/Human_Resources/v44.2; by default built from the connection's 'tenant'.")]
    public string? Service { get; set; }

    [Input(Description = "soap: ISO 8601 instant; with 'updatedThrough', only workers with transactions in this window (the change pull). Keep it in a watermark.")]
    public string? UpdatedFrom { get; set; }

    [Input(Description = "soap: end of the change window, ISO 8601 instant (usually the schedule's scheduledTime).")]
    public string? UpdatedThrough { get; set; }

    [Input(Description = "soap: business process types the change pull is limited to, e.g. Hire Employee, Transfer Employee; empty for any transaction.")]
    public string[] TransactionTypes { get; set; } = [];

    [Input(Description = "soap: include inactive (terminated) workers, so terminations in the window are seen too.")]
    public bool IncludeInactive { get; set; } = true;

    [Input(Description = "Workers per request: 1 to 100 for rest, 1 to 999 for soap.")]
    public int PageSize { get; set; } = 100;

    [Input(Description = "Stop after this many pages, so a runaway listing cannot fill the journal; the output's 'complete' says whether more were left.")]
    public int MaxPages { get; set; } = 50;
}

internal enum WorkersApi
{
    Rest,
    Soap,
}
