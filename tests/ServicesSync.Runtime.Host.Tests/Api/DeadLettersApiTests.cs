using System.Net;
using ServicesSync.Api.Security;
using ServicesSync.Host.Tests.Support;

namespace ServicesSync.Host.Tests.Api;

public sealed class DeadLettersApiTests(ServicesSyncApiFactory factory) : IClassFixture<ServicesSyncApiFactory>
{
    [Fact]
    public async Task ParkedMessage_Retry_ReplaysTheOriginalInputAsANewRun_AndClosesTheEntry()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("parks");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Parking(id), id);
        var original = await ApiScenario.StartAsync(client, id, "{\"order\":42}");
        await ApiScenario.WaitForEndAsync(client, original);
        var entry = await ApiScenario.WaitForDeadLetterAsync(client, id);
        Assert.Equal("message", entry.GetProperty("kind").GetString());
        Assert.Equal("needs review", entry.GetProperty("reason").GetString());
        var entryId = entry.GetProperty("id").GetString()!;

        using var retried = await client.PostAsync(new Uri($"/api/v1/dead-letters/{entryId}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var replay = (await HttpJson.ReadAsync(retried)).GetProperty("instanceId").GetString()!;
        Assert.NotEqual(original, replay);
        var run = await ApiScenario.WaitForEndAsync(client, replay);
        Assert.Equal(original, run.GetProperty("instance").GetProperty("replayOf").GetString());
        Assert.Equal(42, run.GetProperty("input").GetProperty("order").GetInt32());
        var closed = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/dead-letters?workflow={id}&status=retried", UriKind.Relative)));
        Assert.Contains(closed.GetProperty("items").EnumerateArray(), e => e.GetProperty("id").GetString() == entryId);
        using var twice = await client.PostAsync(new Uri($"/api/v1/dead-letters/{entryId}/retry", UriKind.Relative), null);
        await ProblemAssert.IsProblemAsync(twice, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Incident_Retry_RetriesTheFaultedInstanceInPlace()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("incident");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Faulting(id), id);
        var instanceId = await ApiScenario.StartAsync(client, id);
        await ApiScenario.WaitForEndAsync(client, instanceId);
        var entry = await ApiScenario.WaitForDeadLetterAsync(client, id);
        Assert.Equal("incident", entry.GetProperty("kind").GetString());
        Assert.Equal(instanceId, entry.GetProperty("instanceId").GetString());

        using var retried = await client.PostAsync(new Uri($"/api/v1/dead-letters/{entry.GetProperty("id").GetString()}/retry", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(instanceId, (await HttpJson.ReadAsync(retried)).GetProperty("instanceId").GetString());
    }

    [Fact]
    public async Task Discard_ClosesTheEntryWithoutARun_AndUnknownEntriesAre404()
    {
        var client = await factory.CreateClientWithScopesAsync(ApiScopes.Read, ApiScopes.Write, ApiScopes.Run);
        var id = SampleWorkflows.UniqueId("discard");
        await ApiScenario.PublishAsync(client, SampleWorkflows.Parking(id), id);
        await ApiScenario.WaitForEndAsync(client, await ApiScenario.StartAsync(client, id));
        var entryId = (await ApiScenario.WaitForDeadLetterAsync(client, id)).GetProperty("id").GetString()!;

        using var discarded = await client.PostAsync(new Uri($"/api/v1/dead-letters/{entryId}/discard", UriKind.Relative), null);
        using var unknown = await client.PostAsync(new Uri("/api/v1/dead-letters/nope/discard", UriKind.Relative), null);
        using var unknownRetry = await client.PostAsync(new Uri("/api/v1/dead-letters/nope/retry", UriKind.Relative), null);
        using var badStatus = await client.GetAsync(new Uri("/api/v1/dead-letters?status=lost", UriKind.Relative));

        var body = await HttpJson.ReadAsync(discarded);
        Assert.Equal("discarded", body.GetProperty("status").GetString());
        var instances = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"/api/v1/instances?workflow={id}", UriKind.Relative)));
        Assert.Equal(1, instances.GetProperty("total").GetInt32());
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(unknownRetry, HttpStatusCode.NotFound, "not-found");
        await ProblemAssert.IsProblemAsync(badStatus, HttpStatusCode.BadRequest, "invalid-request");
    }
}
