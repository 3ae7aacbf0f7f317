using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Salesforce;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Salesforce;

/// <summary>Runs salesforce.opportunity on a payload, for tests that continue from its real output.</summary>
internal static class OpportunityActivityAccess
{
    public static async Task<JsonNode> RunAsync(JsonNode payload)
    {
        await using var harness = new ReaderHarness();
        var result = Assert.IsType<CompletedResult>(await harness.RunAsync<OpportunityActivity>(new TestActivityContext().ForActivity<OpportunityActivity>("deal").WithInput(payload)));
        return result.Output!;
    }
}
