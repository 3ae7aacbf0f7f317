using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities.Http;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Http;

public sealed partial class HttpRequestActivityTests : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider services = new ServiceCollection().AddCoreActivities().BuildServiceProvider();

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    private HttpRequestActivity Activity => services.GetRequiredService<HttpRequestActivity>();

    private static TestActivityContext Context(JsonObject inputs)
        => new TestActivityContext().ForActivity<HttpRequestActivity>("call").WithInputs(inputs);

    private static Func<HttpContext, Task> Respond(int status, string? body = null, string contentType = "application/json", Action<HttpResponse>? headers = null)
        => async http =>
        {
            http.Response.StatusCode = status;
            headers?.Invoke(http.Response);
            if (body is not null)
            {
                http.Response.ContentType = contentType;
                await http.Response.WriteAsync(body);
            }
        };

    [Fact]
    public async Task Execute_Get200Json_OutputsStatusHeadersAndParsedBody()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200, """{ "id": 42, "name": "Zoë" }""", "application/json; charset=utf-8"));

        var result = await Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("projects/42") }));

        JsonAssert.Equal(
            """{ "status": 200, "headers": { "content-type": "application/json; charset=utf-8" }, "body": { "id": 42, "name": "Zoë" } }""",
            result.CompletedOn("done"));
        var request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/projects/42", request.Path);
        Assert.StartsWith("ServicesSync/", request.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task Execute_Post201WithLocation_SendsJsonAndOutputsLocationAndETag()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(201, headers: response =>
        {
            response.Headers.Location = "/timebills/900";
            response.Headers.ETag = "\"v1\"";
        }));

        var result = await Activity.RunAsync(Context(new JsonObject
        {
            ["method"] = "post",
            ["url"] = server.Url("timebills"),
            ["headers"] = new JsonObject { ["X-Tenant"] = "acme" },
            ["body"] = JsonNode.Parse("""{ "hours": 7.5, "worker": "Zoë" }"""),
        }));

        JsonAssert.Equal(
            """{ "status": 201, "headers": { "location": "/timebills/900", "etag": "\"v1\"" }, "body": null }""",
            result.CompletedOn("done"));
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("application/json; charset=utf-8", request.Headers["Content-Type"]);
        Assert.Equal("acme", request.Headers["X-Tenant"]);
        JsonAssert.Equal("""{ "hours": 7.5, "worker": "Zoë" }""", JsonNode.Parse(request.Body));
    }

    [Theory]
    [InlineData("put", "PUT")]
    [InlineData("patch", "PATCH")]
    [InlineData("delete", "DELETE")]
    public async Task Execute_Method_IsSent(string method, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(Respond(204));

        var result = await Activity.RunAsync(Context(new JsonObject { ["method"] = method, ["url"] = server.Url("x") }));

        Assert.Equal(204, result.CompletedOn("done")!["status"]!.GetValue<int>());
        Assert.Equal(expected, Assert.Single(server.Requests).Method);
    }

    [Fact]
    public async Task Execute_Query_IsAppendedEncodedToTheUrlsOwnQuery()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200, "[]"));

        await Activity.RunAsync(Context(new JsonObject
        {
            ["url"] = server.Url("search?fixed=1"),
            ["query"] = new JsonObject { ["q"] = "a b&c=d", ["ü"] = "✓" },
        }));

        Assert.Equal("?fixed=1&q=a%20b%26c%3Dd&%C3%BC=%E2%9C%93", Assert.Single(server.Requests).Query);
    }

    [Fact]
    public async Task Execute_ContentTypeHeader_ReplacesTheJsonDefault()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200));

        await Activity.RunAsync(Context(new JsonObject
        {
            ["method"] = "post",
            ["url"] = server.Url("x"),
            ["headers"] = new JsonObject { ["Content-Type"] = "application/vnd.api+json" },
            ["body"] = new JsonObject { ["a"] = 1 },
        }));

        Assert.Equal("application/vnd.api+json", Assert.Single(server.Requests).Headers["Content-Type"]);
    }

    [Fact]
    public async Task Execute_TextBody_IsOutputAsString()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200, "plain ✓ text", "text/plain; charset=utf-8"));

        var output = (await Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("x") }))).CompletedOn("done");

        Assert.Equal("plain ✓ text", output!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_MislabelledJson_IsKeptAsString()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200, "<html>oops</html>", "application/json"));

        var output = (await Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("x") }))).CompletedOn("done");

        Assert.Equal("<html>oops</html>", output!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Execute_ProblemJson_IsParsed()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(200, """{ "title": "ok" }""", "application/problem+json"));

        var output = (await Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("x") }))).CompletedOn("done");

        JsonAssert.Equal("""{ "title": "ok" }""", output!["body"]);
    }

    private static async Task WaitUntilAbortedAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, which is what these tests wait for.
        }
    }
}
