using System.Text.Json.Nodes;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Activities.Services.Jira;
using ServicesSync.Activities.Services.Tests.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Services.Tests.Jira;

public class WorklogEventActivityTests
{
    private const string IssueUrl = "https://acme.atlassian.net/rest/api/3/issue/10042?fields=project,summary";

    private static TestActivityContext Context(JsonNode payload, bool fetch = true)
        => new TestActivityContext().ForActivity<WorklogEventActivity>("worklog").WithInput(payload).WithInputs(new JsonObject
        {
            ["baseUrl"] = "https://acme.atlassian.net",
            ["user"] = "integration@example.com",
            ["apiToken"] = "atl-token",
            ["fetchIssue"] = fetch,
        });

    [Fact]
    public async Task Created_FetchesTheIssueBecauseThePayloadHasOnlyItsId()
    {
        var api = new FakeServiceApiClient().Answer(IssueUrl, TestSupport.SampleJson("jira/issue-10042.json"));

        var output = (await new WorklogEventActivity(api).RunAsync(Context(TestSupport.SampleJson("jira/worklog-created.json")))).CompletedOn("worklog");

        TestSupport.JsonEqual(
            """
            { "event": "created", "worklogId": "10100", "issueId": "10042",
              "author": { "accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": "Ada Lovelace", "timeZone": "America/Chicago" },
              "started": "2026-03-02T05:30:00.000+0000", "timeSpentSeconds": 5400, "comment": "Cutover rehearsal",
              "created": "2026-03-02T05:35:12.345+0000", "updated": "2026-03-02T05:35:12.345+0000",
              "issueKey": "ACME-42", "issueSummary": "Data migration", "projectKey": "ACME", "projectId": "10000" }
            """,
            output);
        var request = Assert.Single(api.Requests);
        Assert.Equal((ServiceAuthKind.Basic, "integration@example.com"), (request.Auth.Kind, request.Auth.User));
    }

    [Fact]
    public async Task Updated_IsAWorklogToo()
    {
        var payload = TestSupport.SampleJson("jira/worklog-created.json");
        payload["webhookEvent"] = "worklog_updated";
        var api = new FakeServiceApiClient().Answer(IssueUrl, TestSupport.SampleJson("jira/issue-10042.json"));

        var output = (await new WorklogEventActivity(api).RunAsync(Context(payload))).CompletedOn("worklog")!;

        Assert.Equal("updated", (string?)output["event"]);
    }

    [Fact]
    public async Task Deleted_GoesToDeletedWithoutFetching()
    {
        var api = new FakeServiceApiClient();

        var output = (await new WorklogEventActivity(api).RunAsync(Context(TestSupport.SampleJson("jira/worklog-deleted.json")))).CompletedOn("deleted");

        TestSupport.JsonEqual("""{ "event": "deleted", "worklogId": "10100", "issueId": "10042" }""", output);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task WithoutFetch_HasNoKeyOrProject()
    {
        var output = (await new WorklogEventActivity(new FakeServiceApiClient()).RunAsync(Context(TestSupport.SampleJson("jira/worklog-created.json"), fetch: false))).CompletedOn("worklog")!;

        Assert.Null(output["issueKey"]);
        Assert.Null(output["projectKey"]);
    }

    [Fact]
    public async Task IssueGone_IsAPermanentErrorFromTheApi()
    {
        var api = new FakeServiceApiClient().Fail(IssueUrl, new ServicesSyncException("Jira answered GET … with 404", ErrorKind.Permanent));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => new WorklogEventActivity(api).RunAsync(Context(TestSupport.SampleJson("jira/worklog-created.json"))));

        Assert.False(ex.Retryable);
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
