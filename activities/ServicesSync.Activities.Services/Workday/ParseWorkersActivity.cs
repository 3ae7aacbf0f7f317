using System.Text.Json.Nodes;

namespace ServicesSync.Activities.Services.Workday;

/// <summary>
/// Normalizes Workday workers from a Get_Workers SOAP response or the REST workers API, for the
/// change pull (a schedule calls Get_Workers with a Transaction_Log_Criteria window and feeds the
/// answer here). Fetching is the HTTP/connection activity's job; this one only reads.
/// </summary>
[Activity(
    ServicesActivityTypes.WorkdayParseWorkers,
    Category = "HR",
    DisplayName = "Workday parse workers",
    Description = "Reads workers from a Workday Get_Workers SOAP response or REST /workers answer. Outputs { workers: [{ workerId, wid, kind, givenName, "
        + "familyName, email, jobTitle, active, hireDate, originalHireDate, terminated, terminationDate, rehire, supervisoryOrganization, costCenter, "
        + "managerId }], page, totalPages, totalResults }; fields absent from the response are left out (unknown).")]
internal sealed class ParseWorkersActivity : Activity<ParseWorkersInputs>
{
    protected override ValueTask<ActivityResult> ExecuteAsync(ParseWorkersInputs inputs, ActivityContext context)
    {
        var response = inputs.Response ?? context.Input;
        var output = response switch
        {
            JsonValue text when text.TryGetValue<string>(out var body) => WorkdayWorkersParser.Parse(body),
            JsonObject or JsonArray => WorkdayWorkersParser.ParseRest(response),
            _ => throw context.InvalidInput("response", $"must be the XML text of a Get_Workers response or a REST workers object; it is {ActivityErrors.Describe(response)}."),
        };
        return ValueTask.FromResult(ActivityResult.Done(output));
    }
}
