using System.Text.Json.Nodes;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Tests.Http;

/// <summary>Idempotency keys and what reaches the logs.</summary>
public sealed partial class HttpRequestActivityTests
{
    [Fact]
    public async Task Execute_SameIdempotencyKeyTwice_CallsTheServerOnceAndReplaysTheOutput()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(http =>
        {
            var call = Interlocked.Increment(ref calls);
            return Respond(201, $$"""{ "id": "TB-{{call}}" }""")(http);
        });
        var context = Context(new JsonObject
        {
            ["method"] = "post",
            ["url"] = server.Url("timebills"),
            ["idempotencyKey"] = "erp:timebill:JIRA-10023",
            ["body"] = new JsonObject { ["hours"] = 2 },
        });

        var first = (await Activity.RunAsync(context)).CompletedOn("done");
        var second = (await Activity.RunAsync(context.WithAttempt(2))).CompletedOn("done");

        Assert.Equal(1, calls);
        Assert.Equal("erp:timebill:JIRA-10023", Assert.Single(server.Requests).Headers["Idempotency-Key"]);
        JsonAssert.Equal(first, second);
        Assert.Equal("TB-1", second!["body"]!["id"]!.GetValue<string>());
        Assert.True(context.Idempotency.Records.ContainsKey("http:erp:timebill:JIRA-10023"));
        Assert.Contains(context.Logger.Entries, e => e.Message.Contains("already completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_FailedCallWithIdempotencyKey_IsNotRecordedSoARetrySendsAgain()
    {
        var calls = 0;
        await using var server = await LoopbackServer.StartAsync(http =>
            Interlocked.Increment(ref calls) == 1 ? Respond(503)(http) : Respond(200, """{ "ok": true }""")(http));
        var context = Context(new JsonObject { ["method"] = "post", ["url"] = server.Url("x"), ["idempotencyKey"] = "k-1" });

        await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(context));
        var output = (await Activity.RunAsync(context.WithAttempt(2))).CompletedOn("done");

        Assert.Equal(2, calls);
        JsonAssert.Equal("""{ "ok": true }""", output!["body"]);
    }

    [Fact]
    public async Task Execute_WithCredentials_NeverLogsHeaderValuesOrQuery()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200, "{}"));
        var context = Context(new JsonObject
        {
            ["url"] = server.Url("me?access_token=SECRET-QUERY"),
            ["headers"] = new JsonObject { ["Authorization"] = "Bearer SECRET-TOKEN" },
        });

        await Activity.RunAsync(context);

        Assert.Equal("Bearer SECRET-TOKEN", Assert.Single(server.Requests).Headers["Authorization"]);
        Assert.NotEmpty(context.Logger.Entries);
        Assert.DoesNotContain("SECRET", context.Logger.AllText(), StringComparison.Ordinal);
        Assert.Contains(context.Logger.Entries, e => Equals(e.Property("Url"), server.Url("me")));
    }
}
