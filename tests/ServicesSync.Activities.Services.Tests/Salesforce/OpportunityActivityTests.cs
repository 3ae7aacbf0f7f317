using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Salesforce;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Salesforce;

public class OpportunityActivityTests
{
    private static async Task<(string Outcome, JsonNode? Output)> RunAsync(JsonNode payload)
    {
        await using var harness = new ReaderHarness();
        var result = Assert.IsType<CompletedResult>(await harness.RunAsync<OpportunityActivity>(new TestActivityContext().ForActivity<OpportunityActivity>("deal").WithInput(payload)));
        return (Assert.Single(result.OutcomeNames), result.Output);
    }

    [Fact]
    public async Task IsWonTrue_IsWonWhateverTheStageIsCalled()
    {
        var (outcome, output) = await RunAsync(TestSupport.SampleJson("salesforce/opportunity-won.json"));

        Assert.Equal("won", outcome);
        TestSupport.JsonEqual(
            """
            { "id": "006Dn00000AbCdEIAV", "name": "Acme ERP rollout - SOW 14", "accountId": "001Dn00000XyZwVIAR", "accountName": "Acme Corp",
              "stageName": "Signed", "isWon": true, "isClosed": true, "closeDate": "2026-02-27", "amount": 250000.0, "currency": "USD", "probability": 100.0 }
            """,
            output);
    }

    [Fact]
    public async Task StageLabelClosedWonButIsWonFalse_IsNotWon()
    {
        var (outcome, output) = await RunAsync(TestSupport.SampleJson("salesforce/opportunity-closed-won-label-lost.json"));

        Assert.Equal("notWon", outcome);
        Assert.Equal("Closed Won", (string?)output!["stageName"]);
    }

    [Fact]
    public async Task ChangeEventWithoutIsWon_IsUnknownNotLost()
    {
        var (outcome, output) = await RunAsync(TestSupport.SampleJson("salesforce/opportunity-change-event.json"));

        Assert.Equal("unknown", outcome);
        Assert.Equal(("006Dn00000AbCdEIAV", "UPDATE"), ((string?)output!["id"], (string?)output["changeType"]));
        Assert.False(output.AsObject().ContainsKey("isWon"));
    }

    [Fact]
    public async Task AnotherObjectType_IsRefused()
    {
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => RunAsync(JsonNode.Parse("""{ "attributes": { "type": "Account" }, "Id": "001" }""")!));

        Assert.Equal("Salesforce opportunity: the record is a Account, not an Opportunity.", ex.Message);
    }

    [Fact]
    public async Task ChangeEventWithConnection_IsQueriedAndRoutedByTheRecordsIsWon()
    {
        await using var harness = new ReaderHarness();
        await using var salesforce = new SalesforceOpportunityScenario();
        await salesforce.ArrangeAsync(harness);

        var output = (await salesforce.RunAsync(harness)).CompletedOn("won")!;

        Assert.Equal(("006Dn00000AbCdEIAV", true, "Acme Corp", "UPDATE"), ((string?)output["id"], (bool?)output["isWon"], (string?)output["accountName"], (string?)output["changeType"]));
        var query = Uri.UnescapeDataString(Assert.Single(salesforce.Server.Requests).PathAndQuery);
        Assert.Equal(
            "/services/data/v62.0/query?q=SELECT Id, Name, AccountId, Account.Name, StageName, IsWon, IsClosed, CloseDate, Amount, Probability, CurrencyIsoCode FROM Opportunity WHERE Id = '006Dn00000AbCdEIAV'",
            query);
        Assert.Equal("USD", (string?)output["currency"]);
    }

    [Fact]
    public async Task ChangeEventInSingleCurrencyOrg_IsQueriedAgainWithoutCurrencyIsoCode()
    {
        await using var harness = new ReaderHarness();
        await using var salesforce = new SalesforceOpportunityScenario();
        await salesforce.ArrangeAsync(harness);
        salesforce.Stub.MultiCurrency = false;

        var output = (await salesforce.RunAsync(harness)).CompletedOn("won")!;

        var queries = salesforce.Server.Requests.Select(r => Uri.UnescapeDataString(r.PathAndQuery)).ToArray();
        Assert.Equal(2, queries.Length);
        Assert.Contains(", CurrencyIsoCode FROM", queries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("CurrencyIsoCode", queries[1], StringComparison.Ordinal);
        Assert.False(output.AsObject().ContainsKey("currency"));
        Assert.Equal("Acme Corp", (string?)output["accountName"]);
    }

    [Fact]
    public async Task DeleteChangeEvent_IsDeletedAndNeverQueried()
    {
        await using var harness = new ReaderHarness();
        await using var salesforce = new SalesforceOpportunityScenario();
        await salesforce.ArrangeAsync(harness);
        var payload = TestSupport.SampleJson("salesforce/opportunity-change-event.json");
        payload["ChangeEventHeader"]!["changeType"] = "DELETE";

        var result = await harness.RunAsync<OpportunityActivity>(new JsonObject { ["connection"] = ReaderScenario.ConnectionId }, payload);

        var output = result.CompletedOn("deleted")!;
        Assert.Equal(("006Dn00000AbCdEIAV", "DELETE"), ((string?)output["id"], (string?)output["changeType"]));
        Assert.Empty(salesforce.Server.Requests);
    }

    [Fact]
    public async Task QueriedOpportunityNotVisible_IsAPermanentErrorNamingTheConnection()
    {
        await using var harness = new ReaderHarness();
        await using var salesforce = new SalesforceOpportunityScenario();
        await salesforce.ArrangeAsync(harness);
        var payload = TestSupport.SampleJson("salesforce/opportunity-change-event.json");
        payload["ChangeEventHeader"]!["recordIds"] = new JsonArray("006Dn00000ZzZzZIAV");

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<OpportunityActivity>(new JsonObject { ["connection"] = ReaderScenario.ConnectionId }, payload));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.Equal(
            "Activity 'reader' (salesforce.opportunity): Salesforce has no Opportunity 006Dn00000ZzZzZIAV visible to connection 'vendor' (deleted, or not shared with its user).",
            ex.Message);
    }

    [Fact]
    public async Task FieldThatIsNotSoql_IsRefusedBeforeAnyCall()
    {
        await using var harness = new ReaderHarness();
        await using var salesforce = new SalesforceOpportunityScenario();
        await salesforce.ArrangeAsync(harness);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<OpportunityActivity>(
            new JsonObject { ["connection"] = ReaderScenario.ConnectionId, ["fields"] = new JsonArray("Name", "Id FROM Account --") },
            TestSupport.SampleJson("salesforce/opportunity-change-event.json")));

        Assert.Contains("input 'fields' has 'Id FROM Account --', which is not a SOQL field name", ex.Message, StringComparison.Ordinal);
        Assert.Empty(salesforce.Server.Requests);
    }
}
