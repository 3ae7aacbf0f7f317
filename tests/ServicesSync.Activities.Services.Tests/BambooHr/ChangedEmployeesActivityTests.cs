using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

public class ChangedEmployeesActivityTests
{
    private static TestActivityContext Context(string since, string? type = null)
    {
        var context = new TestActivityContext().ForActivity<ChangedEmployeesActivity>("poll").WithInputs(new JsonObject
        {
            ["baseUrl"] = "https://api.bamboohr.com/api/gateway.php/acme",
            ["apiKey"] = "key-123",
            ["since"] = since,
        });
        return type is null ? context : context.WithInputValue("type", type);
    }

    [Fact]
    public async Task Execute_ListsChangesInIdOrderWithTheLatestInstant()
    {
        var api = new FakeServiceApiClient().Answer(
            "https://api.bamboohr.com/api/gateway.php/acme/v1/employees/changed?since=2026-03-02T00%3A00%3A00%2B00%3A00",
            TestSupport.SampleJson("bamboohr/changed.json"));

        var output = (await new ChangedEmployeesActivity(api).RunAsync(Context("2026-03-02T00:00:00Z"))).CompletedOn("done");

        TestSupport.JsonEqual(
            """
            { "latest": "2026-03-02T15:00:02+00:00", "employees": [
              { "id": "45", "action": "updated", "lastChanged": "2026-03-02T11:20:00+00:00" },
              { "id": "377", "action": "deleted", "lastChanged": "2026-03-02T09:12:40+00:00" },
              { "id": "412", "action": "inserted", "lastChanged": "2026-03-02T14:05:13+00:00" } ] }
            """,
            output);
    }

    [Fact]
    public async Task Execute_TypeFiltersTheQuery()
    {
        var api = new FakeServiceApiClient().Answer(
            "https://api.bamboohr.com/api/gateway.php/acme/v1/employees/changed?since=2026-03-02T00%3A00%3A00%2B00%3A00&type=inserted",
            JsonNode.Parse("""{"latest":"2026-03-02T15:00:02+00:00","employees":{}}"""));

        var output = (await new ChangedEmployeesActivity(api).RunAsync(Context("2026-03-02T00:00:00+00:00", "inserted"))).CompletedOn("done")!;

        Assert.Empty(output["employees"]!.AsArray());
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("yesterday")]
    public async Task Execute_SinceNotAnInstant_IsRefused(string since)
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new ChangedEmployeesActivity(new FakeServiceApiClient()).RunAsync(Context(since)));

        Assert.StartsWith("Activity 'poll' (bamboohr.changedEmployees): input 'since' must be an ISO 8601 instant", ex.Message, StringComparison.Ordinal);
    }
}
