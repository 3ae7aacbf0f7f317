using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Salesforce;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Salesforce;

public class OpportunityActivityTests
{
    private static async Task<(string Outcome, JsonNode? Output)> RunAsync(JsonNode payload)
    {
        var result = Assert.IsType<CompletedResult>(await new OpportunityActivity().RunAsync(new TestActivityContext().ForActivity<OpportunityActivity>("deal").WithInput(payload)));
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
}
