using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

public class GetEmployeeActivityTests
{
    private const string Url = "https://acme.bamboohr.com/api/v1/employees/412?fields=firstName%2ClastName%2ChireDate%2CcustomCostCenter%2CcustomBillingRole";

    private static TestActivityContext Context(params string[] fields)
        => new TestActivityContext().ForActivity<GetEmployeeActivity>("fetch").WithInputs(new JsonObject
        {
            ["baseUrl"] = "https://acme.bamboohr.com/api/",
            ["apiKey"] = "key-123",
            ["employeeId"] = "412",
            ["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)f)]),
        });

    [Fact]
    public async Task Execute_AsksForExactlyTheFieldsAndListsTheMissingOnes()
    {
        var api = new FakeServiceApiClient().Answer(Url, TestSupport.SampleJson("bamboohr/employee-412.json"));

        var output = (await new GetEmployeeActivity(api).RunAsync(Context("firstName", "lastName", "hireDate", "customCostCenter", "customBillingRole"))).CompletedOn("done");

        TestSupport.JsonEqual(
            """{ "employeeId": "412", "fields": { "firstName": "Ada", "lastName": "Lovelace", "hireDate": "2026-03-16", "customCostCenter": "CONS-US" }, "missingFields": ["customBillingRole"] }""",
            output);
        var request = Assert.Single(api.Requests);
        Assert.Equal((ServiceAuthKind.Basic, "key-123", "x"), (request.Auth.Kind, request.Auth.User, request.Auth.Secret));
    }

    [Fact]
    public async Task Execute_NullValuesAreKeptAsKnownEmpty()
    {
        var api = new FakeServiceApiClient().Answer(
            "https://acme.bamboohr.com/api/v1/employees/412?fields=preferredName", TestSupport.SampleJson("bamboohr/employee-412.json"));

        var output = (await new GetEmployeeActivity(api).RunAsync(Context("preferredName"))).CompletedOn("done")!;

        Assert.True(output["fields"]!.AsObject().ContainsKey("preferredName"));
        Assert.Empty(output["missingFields"]!.AsArray());
    }

    [Fact]
    public async Task Execute_NoFields_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new GetEmployeeActivity(new FakeServiceApiClient()).RunAsync(Context(" ")));

        Assert.Equal("Activity 'fetch' (bamboohr.getEmployee): input 'fields' must name at least one field: BambooHR returns only the fields it is asked for.", ex.Message);
    }

    [Fact]
    public async Task Execute_ApiFailure_Propagates()
    {
        var api = new FakeServiceApiClient().Fail(Url, new ServicesSyncException("BambooHR answered 503", ErrorKind.Transient));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new GetEmployeeActivity(api).RunAsync(Context("firstName", "lastName", "hireDate", "customCostCenter", "customBillingRole")));

        Assert.True(ex.Retryable);
    }

    [Fact]
    public void Descriptor_DefaultFieldsAreExplicitAndTheKeyIsASecret()
    {
        var descriptor = ActivityDescriptorFactory.Create<GetEmployeeActivity>();

        Assert.Contains("supervisorEId", descriptor.FindInput("fields")!.Default!.AsArray().Select(f => (string?)f));
        Assert.Equal("secret", descriptor.FindInput("apiKey")!.Editor);
    }
}
