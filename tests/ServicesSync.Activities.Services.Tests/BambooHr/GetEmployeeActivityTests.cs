using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

public class GetEmployeeActivityTests
{
    [Fact]
    public async Task Execute_AsksForExactlyTheFieldsAndListsTheMissingOnes()
    {
        await using var harness = new ReaderHarness();
        await using var bamboo = new BambooHrGetEmployeeScenario();
        await bamboo.ArrangeAsync(harness);

        var output = (await bamboo.RunAsync(harness)).CompletedOn("done");

        TestSupport.JsonEqual(
            """{ "employeeId": "412", "fields": { "firstName": "Ada", "lastName": "Lovelace", "hireDate": "2026-03-16", "customCostCenter": "CONS-US" }, "missingFields": ["customBillingRole"] }""",
            output);
        var request = Assert.Single(bamboo.Server.Requests);
        Assert.Equal("/api/gateway.php/acme/v1/employees/412?fields=firstName%2ClastName%2ChireDate%2CcustomCostCenter%2CcustomBillingRole", request.PathAndQuery);
        Assert.Equal("application/json", request.Headers["Accept"]);
    }

    [Fact]
    public async Task Execute_UnknownEmployee_GoesToNotFound()
    {
        await using var harness = new ReaderHarness();
        await using var bamboo = new BambooHrGetEmployeeScenario();
        await bamboo.ArrangeAsync(harness);

        var output = (await BambooHrGetEmployeeScenario.RunAsync(harness, "999")).CompletedOn("notFound");

        TestSupport.JsonEqual("""{ "employeeId": "999", "found": false }""", output);
    }

    [Fact]
    public async Task Execute_NullValuesAreKeptAsKnownEmpty()
    {
        await using var harness = new ReaderHarness();
        await using var bamboo = new BambooHrGetEmployeeScenario();
        await bamboo.ArrangeAsync(harness);

        var output = (await harness.RunAsync<GetEmployeeActivity>(new JsonObject
        {
            ["connection"] = ReaderScenario.ConnectionId, ["employeeId"] = "412", ["fields"] = new JsonArray("preferredName"),
        })).CompletedOn("done")!;

        Assert.True(output["fields"]!.AsObject().ContainsKey("preferredName"));
        Assert.Empty(output["missingFields"]!.AsArray());
    }

    [Fact]
    public async Task Execute_NoFields_IsRefusedBeforeAnyCall()
    {
        await using var harness = new ReaderHarness();

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<GetEmployeeActivity>(new JsonObject
        {
            ["connection"] = "hr", ["employeeId"] = "412", ["fields"] = new JsonArray(" "),
        }));

        Assert.Equal("Activity 'reader' (bamboohr.getEmployee): input 'fields' must name at least one field: BambooHR returns only the fields it is asked for.", ex.Message);
    }

    [Fact]
    public async Task Execute_ConnectionOfAnotherType_IsAConfigurationError()
    {
        await using var harness = new ReaderHarness();
        await harness.AddConnectionAsync(
            "crm", Connections.ConnectionTypes.Salesforce, new Uri("https://acme.my.salesforce.com/"), new Connections.ConnectionAuth { Kind = Connections.AuthKinds.Bearer }, new() { ["token"] = "t" });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<GetEmployeeActivity>(new JsonObject { ["connection"] = "crm", ["employeeId"] = "412" }));

        Assert.Equal(ErrorKind.Configuration, ex.Kind);
        Assert.Equal("Activity 'reader' (bamboohr.getEmployee): connection 'crm' is of type 'salesforce', but this activity needs 'bamboohr'.", ex.Message);
    }

    [Fact]
    public void Descriptor_DefaultFieldsAreExplicitAndTheKeyIsInTheConnection()
    {
        var descriptor = ActivityDescriptorFactory.Create<GetEmployeeActivity>();

        Assert.Contains("supervisorEId", descriptor.FindInput("fields")!.Default!.AsArray().Select(f => (string?)f));
        Assert.Equal("connection", descriptor.FindInput("connection")!.Editor);
        Assert.Null(descriptor.FindInput("apiKey"));
        Assert.Equal(["done", "notFound"], descriptor.Outcomes.Select(o => o.Name));
    }
}
