using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Tempo;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Tempo;

public class ApprovalActivityTests
{
    private const string Page1 = "https://api.tempo.io/4/worklogs/user/5b10ac8d82e05b22cc7d4ef5?from=2026-03-02&to=2026-03-08&limit=1000";
    private const string Page2 = "https://api.tempo.io/4/worklogs/user/5b10ac8d82e05b22cc7d4ef5?from=2026-03-02&to=2026-03-08&offset=2&limit=2";

    private static FakeServiceApiClient Api() => new FakeServiceApiClient()
        .Answer(Page1, TestSupport.SampleJson("tempo/worklogs-page1.json"))
        .Answer(Page2, TestSupport.SampleJson("tempo/worklogs-page2.json"));

    private static TestActivityContext Context(JsonNode approval)
        => new TestActivityContext().ForActivity<ApprovalActivity>("approval").WithInput(approval).WithInputValue("token", "tempo-token");

    [Fact]
    public async Task Approved_CoversTheUsersWorklogsInsideThePeriodAcrossPages()
    {
        var api = Api();

        var output = (await new ApprovalActivity(api).RunAsync(Context(TestSupport.SampleJson("tempo/approval-approved.json")))).CompletedOn("approved")!;

        Assert.Equal(("5b10ac8d82e05b22cc7d4ef5", "approved", "5a0bc1f2e3d4c5b6a7980011"), ((string?)output["accountId"], (string?)output["status"], (string?)output["reviewer"]));
        TestSupport.JsonEqual("""{ "from": "2026-03-02", "to": "2026-03-08" }""", output["period"]);
        Assert.Equal([884, 885, 886], output["worklogs"]!.AsArray().Select(w => (int)w!["tempoWorklogId"]!));
        Assert.Equal(1, (int)output["excludedWorklogs"]!);
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task Worklogs_KeepBillableSecondsBesideTimeSpent()
    {
        var output = (await new ApprovalActivity(Api()).RunAsync(Context(TestSupport.SampleJson("tempo/approval-approved.json")))).CompletedOn("approved")!;

        TestSupport.JsonEqual(
            """
            { "tempoWorklogId": 884, "issueId": 10042, "startDate": "2026-03-02", "startTime": "08:30:00", "timeSpentSeconds": 27000,
              "billableSeconds": 25200, "description": "Mapping workshop", "authorAccountId": "5b10ac8d82e05b22cc7d4ef5" }
            """,
            output["worklogs"]![0]);
    }

    [Theory]
    [InlineData("OPEN", "open")]
    [InlineData("IN_REVIEW", "inReview")]
    [InlineData("WAITING_FOR_APPROVAL", "waitingForApproval")]
    public async Task NotApproved_GoesToNotApproved(string key, string status)
    {
        var approval = TestSupport.SampleJson("tempo/approval-approved.json");
        approval["status"]!["key"] = key;

        var output = (await new ApprovalActivity(Api()).RunAsync(Context(approval))).CompletedOn("notApproved")!;

        Assert.Equal(status, (string?)output["status"]);
        Assert.False((bool)output["approved"]!);
    }

    [Fact]
    public async Task GivenWorklogs_AreFilteredToTheUserAndPeriodWithoutFetching()
    {
        var other = JsonNode.Parse("""{ "tempoWorklogId": 990, "startDate": "2026-03-03", "timeSpentSeconds": 60, "author": { "accountId": "someone-else" } }""");
        var mine = JsonNode.Parse("""{ "tempoWorklogId": 991, "startDate": "2026-03-08", "timeSpentSeconds": 60, "author": { "accountId": "5b10ac8d82e05b22cc7d4ef5" } }""");
        var api = new FakeServiceApiClient();
        var context = Context(TestSupport.SampleJson("tempo/approval-approved.json")).WithInputValue("worklogs", new JsonArray(other, mine));

        var output = (await new ApprovalActivity(api).RunAsync(context)).CompletedOn("approved")!;

        Assert.Equal([991], output["worklogs"]!.AsArray().Select(w => (int)w!["tempoWorklogId"]!));
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task ApprovalWithoutPeriod_IsRefused()
    {
        var approval = JsonNode.Parse("""{ "user": { "accountId": "a" }, "status": { "key": "APPROVED" } }""")!;
        var context = Context(approval).WithInputValue("worklogs", new JsonArray());

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new ApprovalActivity(new FakeServiceApiClient()).RunAsync(context));

        Assert.Equal("Tempo approval: period.from must be a date such as 2026-03-02; it is missing.", ex.Message);
    }
}
