using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Jira;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Services.Tests.Jira;

public class WorklogEventActivityTests
{
    [Fact]
    public async Task Created_FetchesTheIssueBecauseThePayloadHasOnlyItsId()
    {
        await using var harness = new ReaderHarness();
        await using var jira = new JiraWorklogScenario();
        await jira.ArrangeAsync(harness);

        var output = (await jira.RunAsync(harness)).CompletedOn("worklog");

        TestSupport.JsonEqual(
            """
            { "event": "created", "worklogId": "10100", "issueId": "10042",
              "author": { "accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": "Ada Lovelace", "timeZone": "America/Chicago" },
              "started": "2026-03-02T05:30:00.000+0000", "timeSpentSeconds": 5400, "comment": "Cutover rehearsal",
              "created": "2026-03-02T05:35:12.345+0000", "updated": "2026-03-02T05:35:12.345+0000",
              "issueKey": "ACME-42", "issueSummary": "Data migration", "projectKey": "ACME", "projectId": "10000" }
            """,
            output);
        Assert.Equal("/rest/api/3/issue/10042?fields=project%2Csummary", Assert.Single(jira.Server.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Updated_IsAWorklogToo()
    {
        await using var harness = new ReaderHarness();
        await using var jira = new JiraWorklogScenario();
        await jira.ArrangeAsync(harness);
        var payload = TestSupport.SampleJson("jira/worklog-created.json");
        payload["webhookEvent"] = "worklog_updated";

        var output = (await JiraWorklogScenario.RunAsync(harness, payload)).CompletedOn("worklog")!;

        Assert.Equal(("updated", "ACME-42"), ((string?)output["event"], (string?)output["issueKey"]));
    }

    [Fact]
    public async Task Deleted_GoesToDeletedWithoutFetching()
    {
        await using var harness = new ReaderHarness();
        await using var jira = new JiraWorklogScenario();
        await jira.ArrangeAsync(harness);

        var output = (await JiraWorklogScenario.RunAsync(harness, TestSupport.SampleJson("jira/worklog-deleted.json"))).CompletedOn("deleted");

        TestSupport.JsonEqual("""{ "event": "deleted", "worklogId": "10100", "issueId": "10042" }""", output);
        Assert.Empty(jira.Server.Requests);
    }

    [Fact]
    public async Task WithoutFetch_HasNoKeyOrProjectAndNeedsNoConnection()
    {
        await using var harness = new ReaderHarness();

        var output = (await harness.RunAsync<WorklogEventActivity>(new JsonObject { ["fetchIssue"] = false }, TestSupport.SampleJson("jira/worklog-created.json"))).CompletedOn("worklog")!;

        Assert.Null(output["issueKey"]);
        Assert.Null(output["projectKey"]);
    }

    [Fact]
    public async Task FetchWithoutConnection_IsRefusedWithTheWayOut()
    {
        await using var harness = new ReaderHarness();

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => harness.RunAsync<WorklogEventActivity>([], TestSupport.SampleJson("jira/worklog-created.json")));

        Assert.StartsWith("Activity 'reader' (jira.worklogEvent): input 'connection' is required to fetch the issue", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueGone_IsAPermanentErrorWithJirasReason()
    {
        await using var harness = new ReaderHarness();
        await using var jira = new JiraWorklogScenario();
        await jira.ArrangeAsync(harness);
        var payload = TestSupport.SampleJson("jira/worklog-created.json");
        payload["worklog"]!["issueId"] = "10999";

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => JiraWorklogScenario.RunAsync(harness, payload));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.False(ex.Retryable);
        Assert.Contains("/rest/api/3/issue/10999", ex.Message, StringComparison.Ordinal);
        Assert.Contains("answered 404", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Issue does not exist or you do not have permission to see it.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AtlassianDocumentComment_IsFlattenedToText()
    {
        var payload = TestSupport.SampleJson("jira/worklog-created.json");
        payload["worklog"]!["comment"] = JsonNode.Parse("""
            { "type": "doc", "version": 1, "content": [
              { "type": "paragraph", "content": [ { "type": "text", "text": "Cutover " }, { "type": "text", "text": "rehearsal" } ] },
              { "type": "paragraph", "content": [ { "type": "text", "text": "with the client" } ] } ] }
            """);

        var (_, worklog) = JiraWorklogParser.Parse(payload);

        Assert.Equal("Cutover rehearsal\nwith the client", (string?)worklog["comment"]);
    }

    [Theory]
    [InlineData("""{"webhookEvent":"jira:issue_updated","issue":{}}""", "Jira worklog webhook: the payload must be an object with a 'worklog'; it is an object.")]
    [InlineData("""{"webhookEvent":"jira:issue_updated","worklog":{}}""", "Jira worklog webhook: webhookEvent 'jira:issue_updated' is not worklog_created, worklog_updated or worklog_deleted.")]
    [InlineData("""{"webhookEvent":"worklog_created","worklog":{"id":"1"}}""", "Jira worklog webhook: worklog.issueId is missing.")]
    public void Parse_NotAWorklogEvent_SaysWhy(string json, string message)
        => Assert.Equal(message, Assert.Throws<ServicesSyncException>(() => JiraWorklogParser.Parse(JsonNode.Parse(json))).Message);
}
