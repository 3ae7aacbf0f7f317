using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

public class BambooHrWebhookParserTests
{
    [Fact]
    public void Parse_EventBasedUpdate_ReadsIdsTimeAndChangedFields()
    {
        var change = Assert.Single(BambooHrWebhookParser.Parse(TestSupport.SampleJson("bamboohr/event-updated.json")));

        Assert.Equal((BambooHrEventKind.Updated, "412", "48213", "event"), (change.Kind, change.EmployeeId, change.CompanyId, change.Format));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 5, 13, TimeSpan.Zero), change.OccurredAt);
        Assert.Equal(["firstName", "lastName", "hireDate", "jobTitle", "supervisorEId"], change.ChangedFields);
        Assert.Null(change.Fields);
    }

    [Fact]
    public void Parse_EventBasedCreate_HasNoChangedFields()
    {
        var change = Assert.Single(BambooHrWebhookParser.Parse(TestSupport.SampleJson("bamboohr/event-created.json")));

        Assert.Equal(BambooHrEventKind.Created, change.Kind);
        Assert.Empty(change.ChangedFields);
    }

    [Fact]
    public void Parse_FieldBased_ReadsEveryEmployeeWithOnlyThePostedFields()
    {
        var changes = BambooHrWebhookParser.Parse(TestSupport.SampleJson("bamboohr/field-based.json"));

        Assert.Equal(2, changes.Count);
        Assert.Equal((BambooHrEventKind.Updated, "377", "field"), (changes[0].Kind, changes[0].EmployeeId, changes[0].Format));
        Assert.Equal("Principal Consultant", (string?)changes[0].Fields!["Job Title"]);
        Assert.False(changes[0].Fields!.ContainsKey("Hire Date"));
        Assert.Equal((BambooHrEventKind.Created, "413"), (changes[1].Kind, changes[1].EmployeeId));
        Assert.Empty(changes[1].Fields!);
    }

    [Fact]
    public void Parse_NormalizedEvent_RoundTrips()
    {
        var original = BambooHrWebhookParser.Parse(TestSupport.SampleJson("bamboohr/field-based.json"))[0];

        var again = Assert.Single(BambooHrWebhookParser.Parse(original.ToJson()));

        Assert.Equal(original.ToJson().ToJsonString(), again.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("\"type=employee.updated&data[employeeId]=1\"", "the payload must be a JSON object, but it is a string. Configure the webhook with the JSON encoding, not form post.")]
    [InlineData("""{"type":"employee.hired","data":{"employeeId":"1"}}""", "the event type 'employee.hired' is not employee.created, employee.updated or employee.deleted.")]
    [InlineData("""{"type":"employee.updated","data":{}}""", "data.employeeId is missing.")]
    [InlineData("""{"type":7,"data":{"employeeId":"1"}}""", "the event type '' is not employee.created, employee.updated or employee.deleted.")]
    [InlineData("""{"hello":"world"}""", "the payload is neither an event-based webhook (type, data) nor a field-based one (employees).")]
    public void Parse_Unreadable_SaysWhat(string json, string problem)
    {
        var ex = Assert.Throws<ServicesSyncException>(() => BambooHrWebhookParser.Parse(JsonNode.Parse(json)));

        Assert.Equal(ErrorKind.Validation, ex.Kind);
        Assert.Equal($"BambooHR webhook: {problem}", ex.Message);
    }
}
