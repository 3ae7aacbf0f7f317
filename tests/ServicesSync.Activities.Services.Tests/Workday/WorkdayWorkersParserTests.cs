using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Workday;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Workday;

public class WorkdayWorkersParserTests
{
    private static JsonArray Workers(string sample) => WorkdayWorkersParser.Parse(TestSupport.Sample(sample))["workers"]!.AsArray();

    [Fact]
    public void Soap_RehiredEmployee_ReadsStatusOrganizationsAndManager()
    {
        var logan = Workers("workday/get-workers.xml")[0];

        TestSupport.JsonEqual(
            """
            { "source": "soap", "workerId": "21001", "wid": "3aa5550b7fe348b98d7b5741afc65534", "kind": "employee", "displayName": "Logan McNeil",
              "givenName": "Logan", "familyName": "McNeil", "email": "logan.mcneil@example.com", "jobTitle": "Senior Consultant", "positionId": "P-00123", "positionEffectiveDate": "2026-03-16",
              "location": "Chicago", "active": true, "hireDate": "2026-03-16", "originalHireDate": "2019-05-06", "terminated": false,
              "terminationDate": "2024-08-30", "rehire": true,
              "supervisoryOrganization": { "id": "SUP-CONS-NA", "code": "CONS-NA", "name": "Consulting North America" },
              "costCenter": { "id": "CC-41200", "code": "41200", "name": "Professional Services US" },
              "managerId": "21002" }
            """,
            logan);
    }

    [Fact]
    public void Soap_TerminatedContingentWorker_IsAContractorWithOnlyWhatWasSent()
    {
        var priya = Workers("workday/get-workers.xml")[1]!.AsObject();

        Assert.Equal(("C-0042", "contractor", false, true), ((string?)priya["workerId"], (string?)priya["kind"], (bool?)priya["active"], (bool?)priya["terminated"]));
        Assert.Equal("2026-02-27", (string?)priya["terminationDate"]);
        Assert.False(priya.ContainsKey("email"));
        Assert.False(priya.ContainsKey("costCenter"));
        Assert.False(priya.ContainsKey("managerId"));
    }

    [Fact]
    public void Soap_PagingIsReported()
    {
        var page = WorkdayWorkersParser.Parse(TestSupport.Sample("workday/get-workers.xml"));

        Assert.Equal((1, 2, 3), ((int)page["page"]!, (int)page["totalPages"]!, (int)page["totalResults"]!));
    }

    [Fact]
    public void Soap_Fault_IsAPermanentErrorWithWorkdaysReason()
    {
        var ex = Assert.Throws<ServicesSyncException>(() => WorkdayWorkersParser.Parse(TestSupport.Sample("workday/soap-fault.xml")));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.Equal("Workday answered with a SOAP fault: Invalid ID value. '99999' is not a valid ID value for type = 'Employee_ID'", ex.Message);
    }

    [Fact]
    public void Soap_ExternalEntities_AreRefused()
    {
        const string Xxe = """<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>""";

        var ex = Assert.Throws<ServicesSyncException>(() => WorkdayWorkersParser.Parse(Xxe));

        Assert.StartsWith("The Workday response is not well-formed XML", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rest_ReadsTheSummaryFieldsOnly()
    {
        var logan = Workers("workday/rest-workers.json")[0]!.AsObject();

        Assert.Equal(("21001", "Logan McNeil", "Senior Consultant"), ((string?)logan["workerId"], (string?)logan["displayName"], (string?)logan["jobTitle"]));
        Assert.Equal("Consulting North America (Jordan Smith)", (string?)logan["supervisoryOrganization"]!["name"]);
        Assert.False(logan.ContainsKey("hireDate"));
        Assert.False(logan.ContainsKey("active"));
    }

    [Fact]
    public async Task Activity_AcceptsXmlTextAndRestJson()
    {
        var activity = new ParseWorkersActivity();
        var xml = new TestActivityContext().ForActivity<ParseWorkersActivity>("parse").WithInput(TestSupport.Sample("workday/get-workers.xml"));
        var rest = new TestActivityContext().ForActivity<ParseWorkersActivity>("parse").WithInput(TestSupport.SampleJson("workday/rest-workers.json"));

        Assert.Equal(2, (await activity.RunAsync(xml)).CompletedOn("done")!["workers"]!.AsArray().Count);
        Assert.Single((await activity.RunAsync(rest)).CompletedOn("done")!["workers"]!.AsArray());
    }
}
