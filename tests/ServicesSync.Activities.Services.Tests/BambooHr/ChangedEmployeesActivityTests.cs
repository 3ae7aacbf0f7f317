using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tests.BambooHr;

public class ChangedEmployeesActivityTests
{
    [Fact]
    public async Task Execute_ListsChangesSinceTheInstantInIdOrderWithTheLatest()
    {
        await using var harness = new ReaderHarness();
        await using var bamboo = new BambooHrChangedScenario();
        await bamboo.ArrangeAsync(harness);

        var output = (await bamboo.RunAsync(harness)).CompletedOn("done");

        TestSupport.JsonEqual(
            """
            { "latest": "2026-03-02T14:05:13+00:00", "employees": [
              { "id": "45", "action": "updated", "lastChanged": "2026-03-02T11:20:00+00:00" },
              { "id": "412", "action": "inserted", "lastChanged": "2026-03-02T14:05:13+00:00" } ] }
            """,
            output);
        Assert.Equal("/api/gateway.php/acme/v1/employees/changed?since=2026-03-01T00%3A00%3A00%2B00%3A00", Assert.Single(bamboo.Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Execute_TypeFiltersTheQuery()
    {
        await using var harness = new ReaderHarness();
        await using var bamboo = new BambooHrChangedScenario();
        await bamboo.ArrangeAsync(harness);

        var output = (await harness.RunAsync<ChangedEmployeesActivity>(new JsonObject
        {
            ["connection"] = ReaderScenario.ConnectionId, ["since"] = "2026-03-01T00:00:00Z", ["type"] = "inserted",
        })).CompletedOn("done")!;

        Assert.Equal(["412"], output["employees"]!.AsArray().Select(e => (string?)e!["id"]));
        Assert.EndsWith("&type=inserted", Assert.Single(bamboo.Server.Requests).PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_UnknownCompany_IsAPermanentErrorNamingTheCall()
    {
        await using var harness = new ReaderHarness();
        await using var bamboo = new BambooHrChangedScenario();
        await bamboo.ArrangeAsync(harness);
        await harness.AddConnectionAsync(
            "other", Connections.ConnectionTypes.BambooHr, bamboo.Server.BaseUri, new Connections.ConnectionAuth { Kind = Connections.AuthKinds.BambooHrApiKey },
            new() { ["apiKey"] = "bamboo-key" }, new() { ["companyDomain"] = "globex" });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<ChangedEmployeesActivity>(new JsonObject { ["connection"] = "other", ["since"] = "2026-03-01T00:00:00Z" }));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.StartsWith("Connection 'other' (bamboohr): GET ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/api/gateway.php/globex/v1/employees/changed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("answered 404", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("yesterday")]
    public async Task Execute_SinceNotAnInstant_IsRefused(string since)
    {
        await using var harness = new ReaderHarness();

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<ChangedEmployeesActivity>(new JsonObject { ["connection"] = "hr", ["since"] = since }));

        Assert.StartsWith("Activity 'reader' (bamboohr.changedEmployees): input 'since' must be an ISO 8601 instant", ex.Message, StringComparison.Ordinal);
    }
}
