using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Salesforce;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Salesforce;

/// <summary>Runs salesforce.opportunity on a payload, for tests that continue from its real output.</summary>
internal static class OpportunityActivityAccess
{
    public static async Task<JsonNode> RunAsync(JsonNode payload)
    {
        var result = Assert.IsType<CompletedResult>(await new OpportunityActivity().RunAsync(new TestActivityContext().ForActivity<OpportunityActivity>("deal").WithInput(payload)));
        return result.Output!;
    }
}
