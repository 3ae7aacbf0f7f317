using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Activities.Services.NetSuite;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Connections;
using ServicesSync.Errors;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Activities.Services.Tests.NetSuite;

public class SuiteQlQueryActivityTests
{
    private const string Account = "TSTDRV1";
    private const string Query = "SELECT id FROM job WHERE lastmodifieddate >= TO_TIMESTAMP_TZ('2026-03-17T14:00:00+00:00', 'YYYY-MM-DD\"T\"HH24:MI:SSTZH:TZM') ORDER BY id";

    [Fact]
    public async Task Execute_HasMore_ReadsTheNextPageByOffset()
    {
        await using var harness = new ReaderHarness();
        await using var netSuite = await StartAsync(harness, totalRows: 12);

        var output = (await harness.RunAsync<SuiteQlQueryActivity>(Inputs(pageSize: 5, maxPages: 10))).CompletedOn("done")!;

        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"{i}"), output["items"]!.AsArray().Select(r => (string?)r!["id"]));
        Assert.Equal((12, true), ((int)output["count"]!, (bool)output["complete"]!));
        Assert.Equal(
            ["/services/rest/query/v1/suiteql?limit=5&offset=0", "/services/rest/query/v1/suiteql?limit=5&offset=5", "/services/rest/query/v1/suiteql?limit=5&offset=10"],
            netSuite.Server.Requests.Select(r => r.PathAndQuery));
        Assert.All(netSuite.Server.Requests, r => Assert.Equal("transient", r.Headers["Prefer"]));
    }

    [Fact]
    public async Task Execute_MaxPagesReachedWithMoreLeft_IsNotComplete()
    {
        await using var harness = new ReaderHarness();
        await using var netSuite = await StartAsync(harness, totalRows: 12);

        var output = (await harness.RunAsync<SuiteQlQueryActivity>(Inputs(pageSize: 5, maxPages: 2))).CompletedOn("done")!;

        Assert.Equal((10, false), ((int)output["count"]!, (bool)output["complete"]!));
    }

    [Fact]
    public async Task Execute_DateLiteralNotMatchingItsMask_FailsPermanently()
    {
        await using var harness = new ReaderHarness();
        await using var netSuite = await StartAsync(harness, totalRows: 1);
        var inputs = Inputs(pageSize: 5, maxPages: 1);
        inputs["query"] = Query.Replace("+00:00", "Z", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<SuiteQlQueryActivity>(inputs));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.Contains("400", ex.Message, StringComparison.Ordinal);
    }

    private static JsonObject Inputs(int pageSize, int maxPages)
        => new() { ["connection"] = ReaderScenario.ConnectionId, ["query"] = Query, ["pageSize"] = pageSize, ["maxPages"] = maxPages };

    private static async Task<NetSuiteStub> StartAsync(ReaderHarness harness, int totalRows)
    {
        var stub = await NetSuiteStub.StartAsync(Account, "ck");
        stub.Intercept = async (context, _) =>
        {
            var limit = int.Parse(context.Request.Query["limit"]!, System.Globalization.CultureInfo.InvariantCulture);
            var offset = int.Parse(context.Request.Query["offset"]!, System.Globalization.CultureInfo.InvariantCulture);
            var rows = Enumerable.Range(offset + 1, Math.Max(0, Math.Min(limit, totalRows - offset))).Select(i => (JsonNode)new JsonObject { ["id"] = $"{i}" });
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(new JsonObject { ["items"] = new JsonArray([.. rows]), ["hasMore"] = offset + limit < totalRows }.ToJsonString());
            return true;
        };
        await harness.AddConnectionAsync(
            ReaderScenario.ConnectionId, ConnectionTypes.NetSuite, stub.Server.BaseUri, new ConnectionAuth { Kind = AuthKinds.NetSuiteTba, AccountId = Account },
            new() { ["consumerKey"] = "ck", ["consumerSecret"] = "cs", ["tokenId"] = "tid", ["tokenSecret"] = "ts" });
        return stub;
    }
}
