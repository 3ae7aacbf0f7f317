namespace ServicesSync.Activities.Services.BambooHr;

internal sealed class GetEmployeeInputs
{
    [Input(Required = true, Expressions = false, Editor = EditorHints.Connection,
        Description = "Id of a bamboohr connection (base URL and company; auth bambooHrApiKey). The API key lives encrypted in the connection, never here.")]
    public string? Connection { get; set; }

    [Input(Required = true, Description = "Employee id, e.g. input.employeeId.")]
    public string? EmployeeId { get; set; }

    [Input(Description = "Fields to read, always named explicitly: BambooHR returns nothing it is not asked for, and omits fields the key may not see.")]
    public string[] Fields { get; set; } =
    [
        "firstName", "lastName", "preferredName", "displayName", "workEmail", "jobTitle", "department", "division", "location",
        "status", "employmentHistoryStatus", "hireDate", "originalHireDate", "terminationDate", "supervisorEId",
    ];
}
