using System.Net;
using System.Text.Json;
using ServicesSync.Api.Security;

namespace ServicesSync.Host.Tests.Api;

public sealed class EventsApiTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Fact]
    public async Task PublishEvent_StartsTheSubscribedWorkflowWithThePayload()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflowsForEvents.UniqueId("onhire");
        var eventName = $"worker.activated.{id}";
        await ApiScenario.PublishAsync(client, SampleWorkflowsForEvents.Subscriber(id, eventName), id);

        using var published = await client.PostAsync(
            new Uri("/api/v1/events", UriKind.Relative),
            HttpJson.Content($$"""{ "name": "{{eventName}}", "payload": { "worker": "W-7" }, "correlationKey": "W-7" }"""));

        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        var run = await WaitForFirstRunAsync(client, id);
        var finished = await ApiScenario.WaitForEndAsync(client, run);
        Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal("W-7", finished.GetProperty("output").GetProperty("worker").GetString());
    }

    [Theory]
    [InlineData("""{ "payload": 1 }""")]
    [InlineData("""{ "name": "" }""")]
    [InlineData("""{ "name": "x", "correlationKey": 5 }""")]
    [InlineData("[]")]
    [InlineData("""{ "name": "x", "corelationKey": "TS-1" }""")]
    public async Task PublishEvent_MalformedBody_IsABadRequest(string body)
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Run);

        using var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), HttpJson.Content(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task PublishEvent_NameOver200Characters_IsABadRequestNamingTheField()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Run);

        using var response = await client.PostAsync(
            new Uri("/api/v1/events", UriKind.Relative), HttpJson.Content($$"""{ "name": "{{new string('e', 201)}}" }"""));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("'name'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Contains("200", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishEvent_WithoutTheRunScope_IsForbidden()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);

        using var response = await client.PostAsync(new Uri("/api/v1/events", UriKind.Relative), HttpJson.Content("""{ "name": "x" }"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<string> WaitForFirstRunAsync(HttpClient client, string workflowId)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var page = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances?workflow={workflowId}", UriKind.Relative)));
            if (page.GetProperty("items") is { ValueKind: JsonValueKind.Array } items && items.GetArrayLength() > 0)
            {
                return items[0].GetProperty("id").GetString()!;
            }

            Assert.True(DateTime.UtcNow < until, $"no run of {workflowId} started within 30 s");
            await Task.Delay(50);
        }
    }
}

internal static class SampleWorkflowsForEvents
{
    public static string UniqueId(string prefix) => Support.SampleWorkflows.UniqueId(prefix);

    public static string Subscriber(string id, string eventName) => $$$"""
        {
          "schemaVersion": 1, "id": "{{{id}}}", "name": "On hire",
          "activities": [
            { "id": "on", "type": "core.event", "inputs": { "name": "{{{eventName}}}" } },
            { "id": "echo", "type": "core.set", "inputs": { "template": "{{input}}" } }
          ],
          "connections": [ { "from": "on", "to": "echo" } ]
        }
        """;
}
