using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Connections;
using ServicesSync.Connectors.Jira;
using ServicesSync.Connectors.Tests.Support;
using ServicesSync.Testing.Stubs;

namespace ServicesSync.Connectors.Tests.Jira;

public sealed class JiraActivitiesTests
{
    [Fact]
    public async Task CreateIssue_SameIdempotencyKeyTwice_CreatesOneIssue()
    {
        var created = 0;
        await using var jira = await StubServer.StartAsync(async (context, body) =>
        {
            var fields = JsonNode.Parse(body)!["fields"]!;
            Assert.Equal("PROJ", (string?)fields["project"]!["key"]);
            Assert.Equal("doc", (string?)fields["description"]!["type"]);
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"id":"{{10000 + ++created}}","key":"PROJ-{{created}}"}""");
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("jira", StubConnections.Bearer(ConnectionTypes.Jira, jira.BaseUri), StubConnections.Token("t"));
        var inputs = new JsonObject
        {
            ["connection"] = "jira", ["projectKey"] = "PROJ", ["summary"] = "Onboard Ada", ["description"] = "Laptop and access", ["idempotencyKey"] = "hire:w-1",
        };

        var first = await harness.RunAsync<JiraCreateIssueActivity>(inputs);
        var second = await harness.RunAsync<JiraCreateIssueActivity>(inputs);

        Assert.Equal(1, created);
        Assert.Equal("PROJ-1", (string?)first.Output!["key"]);
        Assert.Equal("PROJ-1", (string?)second.Output!["key"]);
        Assert.Equal("/rest/api/3/issue", jira.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task GetIssue_Unknown_TakesTheNotFoundOutcome()
    {
        await using var jira = await StubServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            if (context.Request.Path == "/rest/api/3/issue/10023")
            {
                await context.Response.WriteAsync("""{"id":"10023","key":"PROJ-7","fields":{"project":{"key":"PROJ"}}}""");
                return;
            }

            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"errorMessages":["Issue does not exist or you do not have permission to see it."]}""");
        });
        await using var harness = new ConnectorsHarness();
        await harness.AddConnectionAsync("jira", StubConnections.Bearer(ConnectionTypes.Jira, jira.BaseUri), StubConnections.Token("t"));

        var found = await harness.RunAsync<JiraGetIssueActivity>(new JsonObject { ["connection"] = "jira", ["issue"] = "10023", ["fields"] = "project" });
        var missing = await harness.RunAsync<JiraGetIssueActivity>(new JsonObject { ["connection"] = "jira", ["issue"] = "PROJ-404" });

        Assert.Equal("PROJ-7", (string?)found.Output!["key"]);
        Assert.Equal("/rest/api/3/issue/10023?fields=project", jira.Requests[0].PathAndQuery);
        Assert.Equal(["notFound"], missing.OutcomeNames);
    }
}
