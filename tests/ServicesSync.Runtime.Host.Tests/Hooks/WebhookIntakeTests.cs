using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Api.Hooks;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Persistence;

namespace ServicesSync.Host.Tests.Hooks;

public sealed class WebhookIntakeTests(HooksFactory factory) : IClassFixture<HooksFactory>
{
    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public async Task Post_ToAnUnknownPath_Returns404Problem()
    {
        using var response = await factory.CreateClient().SendAsync(HookRequests.Json("nobody/listens", "{}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains("/hooks/nobody/listens", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Accepted_StoresTheRunBeforeAnswering_WithTheBodyAsInput()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-plain", new JsonObject { ["path"] = "plain/events" }), "hook-plain");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Json("plain/events/", """{"event":"hired"}"""));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.False(body.GetProperty("duplicate").GetBoolean());
        var instanceId = body.GetProperty("instanceId").GetString()!;
        Assert.Equal($"/api/v1/instances/{instanceId}", response.Headers.Location?.OriginalString);
        var stored = Assert.Single(await factory.RunsAsync("hook-plain"));
        Assert.Equal(instanceId, stored.Id);
        Assert.Equal("""{"event":"hired"}""", stored.InputJson);
    }

    [Fact]
    public async Task SameDeliveryThreeTimes_StartsOneRun()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-github", new JsonObject { ["path"] = "github/push", ["deliveryIdHeader"] = "X-GitHub-Delivery" }), "hook-github");
        var client = factory.CreateClient();
        var answers = new List<(HttpStatusCode Status, JsonElement Body)>();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = HookRequests.Json("github/push", """{"event":"push"}""");
            request.Headers.Add("X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958");
            using var response = await client.SendAsync(request);
            answers.Add((response.StatusCode, await BodyAsync(response)));
        }

        var run = Assert.Single(await factory.RunsAsync("hook-github"));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.OK, HttpStatusCode.OK], answers.Select(a => a.Status));
        Assert.All(answers, a => Assert.Equal(run.Id, a.Body.GetProperty("instanceId").GetString()));
        Assert.Equal([false, true, true], answers.Select(a => a.Body.GetProperty("duplicate").GetBoolean()));
    }

    [Fact]
    public async Task DedupeKeyExpression_SameBusinessEventInDifferentBodies_StartsOneRun()
    {
        var key = new JsonObject { ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = "input.webhookEvent + ':' + input.worklog.id" } };
        await factory.PublishAsync(HookDefinitions.Echo("hook-jira", new JsonObject { ["path"] = "jira/worklogs", ["dedupeKey"] = key }), "hook-jira");
        var client = factory.CreateClient();

        using var first = await client.SendAsync(HookRequests.Json("jira/worklogs", """{"webhookEvent":"worklog_updated","worklog":{"id":10023},"timestamp":1}"""));
        using var again = await client.SendAsync(HookRequests.Json("jira/worklogs", """{"webhookEvent":"worklog_updated","worklog":{"id":10023},"timestamp":2}"""));
        using var other = await client.SendAsync(HookRequests.Json("jira/worklogs", """{"webhookEvent":"worklog_updated","worklog":{"id":10024}}"""));
        using var keyless = await client.SendAsync(HookRequests.Json("jira/worklogs", """{"webhookEvent":"worklog_updated"}"""));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True((await BodyAsync(again)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        await ProblemAssert.IsProblemAsync(keyless, HttpStatusCode.UnprocessableEntity, "dedupe-key-failed");
        Assert.Equal(2, (await factory.RunsAsync("hook-jira")).Count);
    }

    [Fact]
    public async Task TwentyConcurrentDuplicates_StartOneRunAndAllButOneAnswerDuplicate()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-burst", new JsonObject { ["path"] = "burst/events", ["deliveryIdHeader"] = "X-Delivery" }), "hook-burst");
        var client = factory.CreateClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var request = HookRequests.Json("burst/events", """{"event":"hired"}""");
            request.Headers.Add("X-Delivery", "d-1");
            using var response = await client.SendAsync(request);
            return (response.StatusCode, Body: await BodyAsync(response));
        }));

        var run = Assert.Single(await factory.RunsAsync("hook-burst"));
        Assert.Single(answers, a => !a.Body.GetProperty("duplicate").GetBoolean());
        Assert.Equal(19, answers.Count(a => a.StatusCode == HttpStatusCode.OK && a.Body.GetProperty("duplicate").GetBoolean()));
        Assert.All(answers, a => Assert.Equal(run.Id, a.Body.GetProperty("instanceId").GetString()));
    }

    [Fact]
    public async Task DedupeKeyExpression_TheNumber1AndTheString1_AreDifferentEvents()
    {
        var key = new JsonObject { ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = "input.id" } };
        await factory.PublishAsync(HookDefinitions.Echo("hook-typed", new JsonObject { ["path"] = "typed/events", ["dedupeKey"] = key }), "hook-typed");
        var client = factory.CreateClient();

        using var number = await client.SendAsync(HookRequests.Json("typed/events", """{"id":1}"""));
        using var text = await client.SendAsync(HookRequests.Json("typed/events", """{"id":"1"}"""));
        using var numberAgain = await client.SendAsync(HookRequests.Json("typed/events", """{"id":1,"retry":true}"""));

        Assert.Equal(HttpStatusCode.Accepted, number.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, text.StatusCode);
        Assert.True((await BodyAsync(numberAgain)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(2, (await factory.RunsAsync("hook-typed")).Count);
    }

    [Fact]
    public async Task SyncHook_AnswersWithTheWorkflowsOutput()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-sync", new JsonObject { ["path"] = "lookup", ["mode"] = "sync", ["method"] = "put" }), "hook-sync");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Json("lookup", """{"event":"ping"}""", "PUT"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"received":"ping"}""", await response.Content.ReadAsStringAsync());
        var run = Assert.Single(await factory.RunsAsync("hook-sync"));
        Assert.Equal(run.Id, response.Headers.GetValues(SyncOutputResult.InstanceHeader).Single());
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public async Task WrongMethod_Returns405ProblemNamingTheAcceptedOne()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-put", new JsonObject { ["path"] = "only/put", ["method"] = "put" }), "hook-put");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Json("only/put", "{}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
        Assert.Contains("PUT", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        Assert.Empty(await factory.RunsAsync("hook-put"));
    }

    [Theory]
    [InlineData("text/plain", "{}", 415, "unsupported-media-type")]
    [InlineData("application/json; charset=latin1", "{}", 415, "unsupported-media-type")]
    [InlineData("application/json", "{\"a\":1,\"a\":2}", 400, "duplicate-json-key")]
    [InlineData("application/json", "[[[[[[1]]]]]]", 400, "json-too-deep")]
    [InlineData("application/json", "{\"a\":", 400, "malformed-json")]
    [InlineData("application/json", "{\"event\":\"x\",\"pad\":\"0123456789012345678901234567890123456789012345678901234567890123456789\"}", 413, "payload-too-large")]
    public async Task BadBody_IsRefusedWithAProblem_AndNothingIsStored(string contentType, string body, int status, string kind)
    {
        var id = "hook-strict-" + Guid.NewGuid().ToString("N");
        await factory.PublishAsync(HookDefinitions.Echo(id, new JsonObject { ["path"] = id, ["maxBodyBytes"] = 64, ["maxDepth"] = 5 }), id);

        using var response = await factory.CreateClient().SendAsync(HookRequests.Raw(id, System.Text.Encoding.UTF8.GetBytes(body), contentType));

        await ProblemAssert.IsProblemAsync(response, (HttpStatusCode)status, kind);
        Assert.Empty(await factory.RunsAsync(id));
    }

    [Fact]
    public async Task InvalidUtf8_IsRefused()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-utf8", new JsonObject { ["path"] = "utf8" }), "hook-utf8");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Raw("utf8", [(byte)'"', 0xC3, 0x28, (byte)'"'], "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-utf8");
        Assert.Empty(await factory.RunsAsync("hook-utf8"));
    }

    [Fact]
    public async Task TwoWorkflowsOnOnePath_AreRefusedAsAmbiguous()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-twin-a", new JsonObject { ["path"] = "twin" }), "hook-twin-a");
        await factory.PublishAsync(HookDefinitions.Echo("hook-twin-b", new JsonObject { ["path"] = "twin" }), "hook-twin-b");

        using var response = await factory.CreateClient().SendAsync(HookRequests.Json("twin", "{}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Conflict, "ambiguous-hook");
        Assert.Contains("'hook-twin-a'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedWorkflow_ItsHookAnswers404()
    {
        await factory.PublishAsync(HookDefinitions.Echo("hook-gone", new JsonObject { ["path"] = "gone" }), "hook-gone");
        var admin = await factory.AdminAsync();
        using (var deleted = await admin.DeleteAsync(new Uri("/api/v1/workflows/hook-gone", UriKind.Relative)))
        {
            Assert.True(deleted.IsSuccessStatusCode);
        }

        using var response = await factory.CreateClient().SendAsync(HookRequests.Json("gone", "{}"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}
