namespace ServicesSync.Activities.Services.BambooHr;

internal sealed class ChangedEmployeesInputs
{
    [Input(Required = true, Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a bamboohr connection (base URL and company; auth bambooHrApiKey). The API key lives encrypted in the connection, never here.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "ISO 8601 instant to list changes since; use the previous run's 'latest' (kept in a variable).")]
    public string? Since { get; set; }

    [Input(Description = "Only this kind of change.")]
    public ChangeType Type { get; set; } = ChangeType.All;
}

internal enum ChangeType
{
    All,
    Inserted,
    Updated,
    Deleted,
}
