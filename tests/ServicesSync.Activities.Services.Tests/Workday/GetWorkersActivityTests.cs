using System.Text.Json.Nodes;
using System.Xml.Linq;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Activities.Services.Workday;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tests.Workday;

public class GetWorkersActivityTests
{
    private static readonly XNamespace Wd = "urn:com.workday/bsvc";

    [Fact]
    public async Task Rest_ReadsEveryWorkerThroughTheTenantPath()
    {
        await using var harness = new ReaderHarness();
        await using var workday = new WorkdayScenario(soap: false);
        await workday.ArrangeAsync(harness);

        var output = (await workday.RunAsync(harness)).CompletedOn("done")!;

        Assert.Equal(["21001"], output["workers"]!.AsArray().Select(w => (string?)w!["workerId"]));
        Assert.Equal((1L, true), ((long?)output["totalResults"], (bool?)output["complete"]));
        Assert.Equal("/ccx/api/v1/acme/workers?limit=100&offset=0", Assert.Single(workday.Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Rest_UnknownWorker_GoesToNotFound()
    {
        await using var harness = new ReaderHarness();
        await using var workday = new WorkdayScenario(soap: false);
        await workday.ArrangeAsync(harness);

        var output = (await harness.RunAsync<GetWorkersActivity>(new JsonObject { ["connection"] = ReaderScenario.ConnectionId, ["workerId"] = "nope" })).CompletedOn("notFound");

        TestSupport.JsonEqual("""{ "workerId": "nope", "found": false }""", output);
    }

    [Fact]
    public async Task Soap_ChangePullSendsTheWindowAndReadsEveryPage()
    {
        await using var harness = new ReaderHarness();
        await using var workday = new WorkdayScenario(soap: true);
        await workday.ArrangeAsync(harness);

        var output = (await harness.RunAsync<GetWorkersActivity>(new JsonObject
        {
            ["connection"] = ReaderScenario.ConnectionId, ["api"] = "soap", ["pageSize"] = 1,
            ["updatedFrom"] = "2026-03-16T11:00:00Z", ["updatedThrough"] = "2026-03-17T11:00:00Z", ["transactionTypes"] = new JsonArray("Hire Employee", "Transfer Employee"),
        })).CompletedOn("done")!;

        Assert.Equal(["21001", "C-0042"], output["workers"]!.AsArray().Select(w => (string?)w!["workerId"]));
        Assert.Equal("2026-03-16", (string?)output["workers"]![0]!["hireDate"]);
        Assert.True((bool)output["complete"]!);
        Assert.Equal(2, workday.Server.Requests.Count);
        var first = workday.Server.Requests[0];
        Assert.Equal(("POST", "/ccx/service/acme/Human_Resources/v44.2", "Get_Workers"), (first.Method, first.PathAndQuery, first.Headers["SOAPAction"]));
        var request = XDocument.Parse(first.Body);
        Assert.Equal("2026-03-16T11:00:00+00:00", (string?)request.Descendants(Wd + "Updated_From").Single());
        Assert.Equal(["Hire Employee", "Transfer Employee"], request.Descendants(Wd + "ID").Select(e => e.Value));
        Assert.Equal("2", (string?)XDocument.Parse(workday.Server.Requests[1].Body).Descendants(Wd + "Page").Single());
    }

    [Fact]
    public async Task Soap_HalfAWindow_IsRefused()
    {
        await using var harness = new ReaderHarness();
        await using var workday = new WorkdayScenario(soap: true);
        await workday.ArrangeAsync(harness);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<GetWorkersActivity>(new JsonObject
        {
            ["connection"] = ReaderScenario.ConnectionId, ["api"] = "soap", ["updatedFrom"] = "2026-03-16T11:00:00Z",
        }));

        Assert.Equal("Activity 'reader' (workday.getWorkers): input 'updatedThrough' is required too: a change window needs both updatedFrom and updatedThrough.", ex.Message);
        Assert.Empty(workday.Server.Requests);
    }
}
