using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Api.Security;
using ServicesSync.Host.Tests.Support;
using ServicesSync.Persistence;
using ServicesSync.Testing.Persistence;

namespace ServicesSync.Host.Tests.Api;

public sealed class RunsAndInstancesApiTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Fact]
    public async Task StartRun_ByDefault_Returns202WithLocation_AndTheRunCompletesWithItsOutput()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("greet");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Greet(id), id);

        using var started = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/runs", UriKind.Relative), HttpJson.Content("{\"name\":\"Ada\"}"));

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var accepted = await HttpJson.ReadAsync(started);
        var instanceId = accepted.GetProperty("instanceId").GetString()!;
        Assert.Equal($"/api/v1/instances/{instanceId}", started.Headers.Location?.OriginalString);
        var finished = await ApiScenario.WaitForEndAsync(client, instanceId);
        Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal("Hello Ada", finished.GetProperty("output").GetProperty("greeting").GetString());
        Assert.Equal("Ada", finished.GetProperty("input").GetProperty("name").GetString());
        Assert.False(finished.GetProperty("instance").TryGetProperty("stateJson", out _));
        Assert.False(finished.TryGetProperty("stateJson", out _));
        var journal = finished.GetProperty("journal").EnumerateArray().ToArray();
        Assert.Contains(journal, e => e.GetProperty("activityId").GetString() == "reply" && e.GetProperty("kind").GetString() == "completed");
    }

    [Fact]
    public async Task StartRun_WithWait_Returns200WithTheFinishedInstance()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("wait");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Greet(id), id);

        using var response = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/runs?wait=30", UriKind.Relative), HttpJson.Content("{\"name\":\"Lin\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await HttpJson.ReadAsync(response);
        Assert.Equal("completed", body.GetProperty("instance").GetProperty("status").GetString());
        Assert.Equal("Hello Lin", body.GetProperty("output").GetProperty("greeting").GetString());
    }

    [Fact]
    public async Task StartRun_EmptyBody_RunsWithNullInput()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("empty");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Greet(id), id);

        using var response = await client.PostAsync(new Uri($"/api/v1/workflows/{id}/runs?wait=30", UriKind.Relative), null);

        var body = await HttpJson.ReadAsync(response);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("input").ValueKind);
    }

    [Theory]
    [InlineData("wait=61", "wait")]
    [InlineData("wait=soon", "wait")]
    [InlineData("version=0", "version")]
    public async Task StartRun_BadQueryParameter_Returns400NamingIt(string query, string parameter)
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Run);

        using var response = await client.PostAsync(new Uri($"/api/v1/workflows/any/runs?{query}", UriKind.Relative), HttpJson.Content("{}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains($"'{parameter}'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartRun_MalformedJsonBody_Returns400NamingThePosition()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Run);

        using var response = await client.PostAsync(new Uri("/api/v1/workflows/any/runs", UriKind.Relative), HttpJson.Content("{\"a\": tru}"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "malformed-json");
        Assert.Equal(1, problem.GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task StartRun_UnknownOrUnpublishedWorkflow_Returns404Problem()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Write, ApiScopes.Run);
        var draftOnly = SampleWorkflows.UniqueId("draft");
        using var created = await client.PostAsync(new Uri("/api/v1/workflows", UriKind.Relative), HttpJson.Content(SampleWorkflows.Greet(draftOnly)));

        using var unknown = await client.PostAsync(new Uri("/api/v1/workflows/no-such-flow/runs", UriKind.Relative), HttpJson.Content("{}"));
        using var unpublished = await client.PostAsync(new Uri($"/api/v1/workflows/{draftOnly}/runs", UriKind.Relative), HttpJson.Content("{}"));

        Assert.Contains("does not exist", ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found")), StringComparison.Ordinal);
        Assert.Contains("no published version", ProblemAssert.Detail(await ProblemAssert.IsProblemAsync(unpublished, HttpStatusCode.NotFound, "not-found")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instances_FilterByWorkflowAndStatus_AndRefuseAnUnknownStatus()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("list");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Greet(id), id);
        var first = await ApiScenario.StartAsync(client, id);
        var second = await ApiScenario.StartAsync(client, id);
        await ApiScenario.WaitForEndAsync(client, first);
        await ApiScenario.WaitForEndAsync(client, second);

        var page = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances?workflow={id}&status=completed&take=10", UriKind.Relative)));
        using var bad = await client.GetAsync(new Uri("/api/v1/instances?status=sleeping", UriKind.Relative));

        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.True(page.GetProperty("totalExact").GetBoolean());
        Assert.Equal([second, first], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.False(i.TryGetProperty("stateJson", out _)));
        var problem = await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("running, suspended, completed, faulted, cancelled", ProblemAssert.Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instances_MoreThanTheCountLimitMatch_TotalIsTheLimitAndNotExact()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read);
        var id = SampleWorkflows.UniqueId("many");
        var created = DateTimeOffset.UtcNow;
        var runs = Enumerable.Range(0, InstanceQuery.DefaultCountLimit + 1)
            .Select(n => InstanceCommit.StateOnly(StoreMother.Instance($"{id}-{n:D5}", id, InstanceStatus.Completed, created.AddMilliseconds(n))))
            .ToList();
        await factory.Services.GetRequiredService<IInstanceStore>().CommitAsync(runs, CancellationToken.None);

        var first = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances?workflow={id}&take=1", UriKind.Relative)));
        var last = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances?workflow={id}&skip=10000&take=5", UriKind.Relative)));

        Assert.Equal(InstanceQuery.DefaultCountLimit, first.GetProperty("total").GetInt32());
        Assert.False(first.GetProperty("totalExact").GetBoolean());
        Assert.Equal($"{id}-10000", first.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(InstanceQuery.DefaultCountLimit + 1, last.GetProperty("total").GetInt32());
        Assert.True(last.GetProperty("totalExact").GetBoolean());
        Assert.Equal([$"{id}-00000"], last.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task FaultedRun_CanBeRetried_AndThenCancelled()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("faults");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Faulting(id), id);
        var instanceId = await ApiScenario.StartAsync(client, id);
        var faulted = await ApiScenario.WaitForEndAsync(client, instanceId);
        Assert.Equal("faulted", faulted.GetProperty("instance").GetProperty("status").GetString());
        Assert.Contains(faulted.GetProperty("journal").EnumerateArray(), e => e.GetProperty("kind").GetString() == "faulted" && e.GetProperty("activityId").GetString() == "call");

        using var retried = await client.PostAsync(new Uri($"/api/v1/instances/{instanceId}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal($"/api/v1/instances/{instanceId}", retried.Headers.Location?.OriginalString);
        var again = await ApiScenario.WaitForEndAsync(client, instanceId);
        Assert.Equal("faulted", again.GetProperty("instance").GetProperty("status").GetString());
        Assert.True(again.GetProperty("journal").GetArrayLength() > faulted.GetProperty("journal").GetArrayLength());

        using var cancelled = await client.PostAsync(new Uri($"/api/v1/instances/{instanceId}/cancel", UriKind.Relative), null);
        Assert.Equal("cancelled", (await HttpJson.ReadAsync(cancelled)).GetProperty("status").GetString());
        using var retryCancelled = await client.PostAsync(new Uri($"/api/v1/instances/{instanceId}/retry", UriKind.Relative), null);
        await ProblemAssert.IsProblemAsync(retryCancelled, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Cancel_ARunWaitingOnALongHttpCall_ReturnsCancelledWithinASecond()
    {
        // A server that accepts the call and never answers: the activity stays in flight.
        using var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = silent.AcceptTcpClientAsync();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("long");
        await ApiScenario.PublishAsync(client, $$"""
            {
              "schemaVersion": 1, "id": "{{id}}", "name": "Long call",
              "activities": [
                { "id": "start", "type": "core.manual" },
                { "id": "call", "type": "http.request", "inputs": { "url": "http://127.0.0.1:{{port}}/slow" }, "retry": { "maxAttempts": 1 } }
              ],
              "connections": [ { "from": "start", "to": "call" } ]
            }
            """, id);
        var instanceId = await ApiScenario.StartAsync(client, id);
        using var connection = await accepted.WaitAsync(TimeSpan.FromSeconds(20));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cancelled = await client.PostAsync(new Uri($"/api/v1/instances/{instanceId}/cancel", UriKind.Relative), null);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"cancel took {clock.Elapsed}");
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await HttpJson.ReadAsync(cancelled)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RetryAndCancel_UnknownInstance_Return404_AndABadRetryBodyReturns400()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Run, ApiScopes.Read);

        using var retry = await client.PostAsync(new Uri("/api/v1/instances/nope/retry", UriKind.Relative), null);
        using var cancel = await client.PostAsync(new Uri("/api/v1/instances/nope/cancel", UriKind.Relative), null);
        using var get = await client.GetAsync(new Uri("/api/v1/instances/nope", UriKind.Relative));
        using var badBody = await client.PostAsync(new Uri("/api/v1/instances/nope/retry", UriKind.Relative), HttpJson.Content("{\"version\":\"latest\"}"));

        await ProblemAssert.IsProblemAsync(retry, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(cancel, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(get, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(badBody, HttpStatusCode.BadRequest, "invalid-request");
    }

    [Fact]
    public async Task Retry_MisspeltVersionInTheBody_IsABadRequestNamingItAndRetriesNothing()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        await ApiScenario.PublishAsync(client, SampleWorkflows.Faulting("retry-typo"), "retry-typo");
        var instanceId = await ApiScenario.StartAsync(client, "retry-typo");
        await ApiScenario.WaitForEndAsync(client, instanceId);

        using var retry = await client.PostAsync(new Uri($"/api/v1/instances/{instanceId}/retry", UriKind.Relative), HttpJson.Content("{\"versoin\":1}"));

        var problem = await ProblemAssert.IsProblemAsync(retry, HttpStatusCode.BadRequest, "invalid-request");
        Assert.Contains("'versoin'", ProblemAssert.Detail(problem), StringComparison.Ordinal);
        var instance = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances/{instanceId}", UriKind.Relative)));
        Assert.Equal("faulted", instance.GetProperty("instance").GetProperty("status").GetString());
    }
}
