using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Tempo;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Tempo;

public class ApprovalActivityTests
{
    private static TestActivityContext Context(JsonNode approval)
        => new TestActivityContext().ForActivity<ApprovalActivity>("approval").WithInput(approval).WithInputValue("connection", ReaderScenario.ConnectionId);

    [Fact]
    public async Task Approved_CoversTheUsersWorklogsInsideThePeriodAcrossPages()
    {
        await using var harness = new ReaderHarness();
        await using var tempo = new TempoApprovalScenario();
        await tempo.ArrangeAsync(harness);

        var output = (await tempo.RunAsync(harness)).CompletedOn("approved")!;

        Assert.Equal(("5b10ac8d82e05b22cc7d4ef5", "approved", "5a0bc1f2e3d4c5b6a7980011"), ((string?)output["accountId"], (string?)output["status"], (string?)output["reviewer"]));
        TestSupport.JsonEqual("""{ "from": "2026-03-02", "to": "2026-03-08" }""", output["period"]);
        Assert.Equal([884, 885, 886], output["worklogs"]!.AsArray().Select(w => (int)w!["tempoWorklogId"]!));
        Assert.Equal(
            ["/4/worklogs/user/5b10ac8d82e05b22cc7d4ef5?from=2026-03-02&to=2026-03-08&limit=1000", "/4/worklogs/user/5b10ac8d82e05b22cc7d4ef5?from=2026-03-02&to=2026-03-08&offset=2&limit=2"],
            tempo.Server.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Worklogs_KeepBillableSecondsBesideTimeSpent()
    {
        await using var harness = new ReaderHarness();
        await using var tempo = new TempoApprovalScenario();
        await tempo.ArrangeAsync(harness);

        var output = (await tempo.RunAsync(harness)).CompletedOn("approved")!;

        TestSupport.JsonEqual(
            """
            { "tempoWorklogId": 884, "issueId": 10042, "startDate": "2026-03-02", "startTime": "08:30:00", "timeSpentSeconds": 27000,
              "billableSeconds": 25200, "description": "Mapping workshop", "authorAccountId": "5b10ac8d82e05b22cc7d4ef5" }
            """,
            output["worklogs"]![0]);
    }

    [Fact]
    public async Task ApprovalWithoutStatus_IsReadFromTempoFirst()
    {
        await using var harness = new ReaderHarness();
        await using var tempo = new TempoApprovalScenario();
        await tempo.ArrangeAsync(harness);
        var approval = JsonNode.Parse("""{ "user": { "accountId": "5b10ac8d82e05b22cc7d4ef5" }, "period": { "from": "2026-03-02", "to": "2026-03-08" } }""")!;

        var output = (await harness.RunAsync<ApprovalActivity>(Context(approval))).CompletedOn("approved")!;

        Assert.Equal("approved", (string?)output["status"]);
        Assert.Equal("/4/timesheet-approvals/user/5b10ac8d82e05b22cc7d4ef5?from=2026-03-02&to=2026-03-08", tempo.Server.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task UnknownUser_IsAPermanentErrorNamingTheCall()
    {
        await using var harness = new ReaderHarness();
        await using var tempo = new TempoApprovalScenario();
        await tempo.ArrangeAsync(harness);
        var approval = TestSupport.SampleJson("tempo/approval-approved.json");
        approval["user"]!["accountId"] = "nobody";

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<ApprovalActivity>(Context(approval)));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.StartsWith("Connection 'vendor' (tempo): GET ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("/4/worklogs/user/nobody", ex.Message, StringComparison.Ordinal);
        Assert.Contains("answered 404", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPEN", "open")]
    [InlineData("IN_REVIEW", "inReview")]
    [InlineData("WAITING_FOR_APPROVAL", "waitingForApproval")]
    public async Task NotApproved_GoesToNotApproved(string key, string status)
    {
        var approval = TestSupport.SampleJson("tempo/approval-approved.json");
        approval["status"]!["key"] = key;

        await using var harness = new ReaderHarness();
        await using var tempo = new TempoApprovalScenario();
        await tempo.ArrangeAsync(harness);

        var output = (await harness.RunAsync<ApprovalActivity>(Context(approval))).CompletedOn("notApproved")!;

        Assert.Equal(status, (string?)output["status"]);
        Assert.False((bool)output["approved"]!);
    }

    [Fact]
    public async Task GivenWorklogs_AreFilteredToTheUserAndPeriodWithoutFetching()
    {
        var other = JsonNode.Parse("""{ "tempoWorklogId": 990, "startDate": "2026-03-03", "timeSpentSeconds": 60, "author": { "accountId": "someone-else" } }""");
        var mine = JsonNode.Parse("""{ "tempoWorklogId": 991, "startDate": "2026-03-08", "timeSpentSeconds": 60, "author": { "accountId": "5b10ac8d82e05b22cc7d4ef5" } }""");
        await using var harness = new ReaderHarness();
        var context = Context(TestSupport.SampleJson("tempo/approval-approved.json")).WithInputValue("worklogs", new JsonArray(other, mine)).WithInputValue("connection", null);

        var output = (await harness.RunAsync<ApprovalActivity>(context)).CompletedOn("approved")!;

        Assert.Equal([991], output["worklogs"]!.AsArray().Select(w => (int)w!["tempoWorklogId"]!));
    }

    [Fact]
    public async Task ApprovalWithoutPeriod_IsRefused()
    {
        var approval = JsonNode.Parse("""{ "user": { "accountId": "a" }, "status": { "key": "APPROVED" } }""")!;
        var context = Context(approval).WithInputValue("worklogs", new JsonArray());

        await using var harness = new ReaderHarness();

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<ApprovalActivity>(context));

        Assert.Equal("Tempo approval: period.from must be a date such as 2026-03-02; it is missing.", ex.Message);
    }
}
