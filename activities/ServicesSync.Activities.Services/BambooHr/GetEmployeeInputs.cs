namespace ServicesSync.Activities.Services.BambooHr;

internal sealed class GetEmployeeInputs
{
    [Input(Required = true, Description = "API base URL before /v1, e.g. https://acme.bamboohr.com/api or https://api.bamboohr.com/api/gateway.php/acme.")]
    public string? BaseUrl { get; set; }

    [Input(Required = true, Editor = EditorHints.Secret, Description = "The BambooHR API key (sent as the Basic user name). Will move to a connection.")]
    public string? ApiKey { get; set; }

    [Input(Required = true, Description = "Employee id, e.g. input.employeeId.")]
    public string? EmployeeId { get; set; }

    [Input(Description = "Fields to read, always named explicitly: BambooHR returns nothing it is not asked for, and omits fields the key may not see.")]
    public string[] Fields { get; set; } =
    [
        "firstName", "lastName", "preferredName", "displayName", "workEmail", "jobTitle", "department", "division", "location",
        "status", "employmentHistoryStatus", "hireDate", "originalHireDate", "terminationDate", "supervisorEId",
    ];

    [Input(Description = "How long the request may take.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
