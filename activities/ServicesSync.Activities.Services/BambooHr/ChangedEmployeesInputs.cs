namespace ServicesSync.Activities.Services.BambooHr;

internal sealed class ChangedEmployeesInputs
{
    [Input(Required = true, Description = "API base URL before /v1, e.g. https://acme.bamboohr.com/api.")]
    public string? BaseUrl { get; set; }

    [Input(Required = true, Editor = EditorHints.Secret, Description = "The BambooHR API key. Will move to a connection.")]
    public string? ApiKey { get; set; }

    [Input(Required = true, Description = "ISO 8601 instant to list changes since; use the previous run's 'latest' (kept in a variable).")]
    public string? Since { get; set; }

    [Input(Description = "Only this kind of change.")]
    public ChangeType Type { get; set; } = ChangeType.All;

    [Input(Description = "How long the request may take.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal enum ChangeType
{
    All,
    Inserted,
    Updated,
    Deleted,
}
