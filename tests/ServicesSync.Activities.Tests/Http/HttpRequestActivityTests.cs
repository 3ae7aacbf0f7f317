using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Http;

public sealed class HttpRequestActivityTests : IAsyncDisposable
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

    [Fact]
    public async Task Execute_404_FailsPermanentlyWithStatusAndExcerptButNoSecrets()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(404, """{ "error": "no such project" }"""));
        var url = server.Url("projects/9?api_key=SECRET-QUERY").Replace("http://", "http://user:SECRET-PASS@", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(new JsonObject { ["url"] = url })));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.False(ex.Retryable);
        Assert.Equal($"GET {server.Url("projects/9")} answered 404 Not Found: {{\"error\":\"no such project\"}}", ex.Message);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_LongErrorBody_IsCutTo300Characters()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(400, new string('x', 5000) + "\nEND", "text/plain"));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("x") })));

        Assert.EndsWith(": " + new string('x', 300) + "…", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("END", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(503, "Service Unavailable")]
    [InlineData(500, "Internal Server Error")]
    [InlineData(429, "Too Many Requests")]
    [InlineData(408, "Request Timeout")]
    public async Task Execute_TransientStatus_FailsRetryably(int status, string reason)
    {
        await using var server = await LoopbackServer.StartAsync(Respond(status, headers: r => r.Headers.RetryAfter = "30"));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("busy?token=SECRET") })));

        Assert.Equal(ErrorKind.Transient, ex.Kind);
        Assert.True(ex.Retryable);
        Assert.Equal($"GET {server.Url("busy")} answered {status} {reason} (Retry-After: 30 s)", ex.Message);
        // Data on the error, so the engine's retry waits at least that long.
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
    }

    [Fact]
    public async Task Execute_ExpectedStatus_TurnsA404IntoAnOutput()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(404, """{ "found": false }"""));

        var result = await Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("x"), ["expectedStatus"] = new JsonArray(200, 404) }));

        JsonAssert.Equal("""{ "found": false }""", result.CompletedOn("done")!["body"]);
    }

    [Fact]
    public async Task Execute_StatusOutsideExpected_FailsEvenWhen2xx()
    {
        await using var server = await LoopbackServer.StartAsync(Respond(202));

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(
            () => Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("x"), ["expectedStatus"] = new JsonArray(200) })));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.Contains("answered 202", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_NoAnswerWithinTimeout_FailsWithTimeoutKind()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async http =>
        {
            arrived.SetResult();
            await WaitUntilAbortedAsync(http);
        });
        var context = Context(new JsonObject { ["url"] = server.Url("slow?sig=SECRET"), ["timeout"] = "PT5S" });

        var running = Activity.RunAsync(context);
        await arrived.Task.WaitAsync(Deadline);
        context.Clock.Advance(TimeSpan.FromSeconds(5));
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => running.WaitAsync(Deadline));

        Assert.Equal(ErrorKind.Timeout, ex.Kind);
        Assert.True(ex.Retryable);
        Assert.Equal($"GET {server.Url("slow")} did not complete within 5 s.", ex.Message);
    }

    [Fact]
    public async Task Execute_BodyStallsPastTimeout_FailsWithTimeoutKind()
    {
        var headersSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async http =>
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("[1, 2,");
            await http.Response.Body.FlushAsync();
            headersSent.SetResult();
            await WaitUntilAbortedAsync(http);
        });
        var context = Context(new JsonObject { ["url"] = server.Url("stream") });

        var running = Activity.RunAsync(context);
        await headersSent.Task.WaitAsync(Deadline);
        context.Clock.Advance(TimeSpan.FromSeconds(30));
        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => running.WaitAsync(Deadline));

        Assert.Equal(ErrorKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task Execute_RunCancelled_PropagatesCancellationNotATimeout()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async http =>
        {
            arrived.SetResult();
            await WaitUntilAbortedAsync(http);
        });
        using var cancellation = new CancellationTokenSource();
        var context = Context(new JsonObject { ["url"] = server.Url("slow") }).WithCancellation(cancellation.Token);

        var running = Activity.RunAsync(context);
        await arrived.Task.WaitAsync(Deadline);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running.WaitAsync(Deadline));
    }

    [Fact]
    public async Task Execute_ConnectionRefused_FailsRetryably()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(
            () => Activity.RunAsync(Context(new JsonObject { ["url"] = $"http://127.0.0.1:{port}/x?key=SECRET" })));

        Assert.Equal(ErrorKind.Transient, ex.Kind);
        Assert.True(ex.Retryable);
        Assert.StartsWith($"GET http://127.0.0.1:{port}/x failed without a response", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_BodyOverTheLimit_FailsPermanently()
    {
        // Written in pieces without a Content-Length, so the limit is enforced while streaming.
        await using var server = await LoopbackServer.StartAsync(async http =>
        {
            http.Response.ContentType = "text/plain";
            var piece = new byte[1024 * 1024];
            for (var i = 0; i <= (10 * 1024 * 1024) / piece.Length; i++)
            {
                await http.Response.Body.WriteAsync(piece, http.RequestAborted);
            }
        });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("huge") })));

        Assert.True(ex.Kind == ErrorKind.Permanent, ex.ToString());
        Assert.Equal($"GET {server.Url("huge")} answered with a body larger than 10 MB.", ex.Message);
    }

    [Fact]
    public async Task Execute_DeclaredLengthOverTheLimit_FailsWithoutReading()
    {
        await using var server = await LoopbackServer.StartAsync(async http =>
        {
            http.Response.ContentLength = (10 * 1024 * 1024) + 1L;
            await http.Response.Body.FlushAsync();
            await WaitUntilAbortedAsync(http);
        });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(new JsonObject { ["url"] = server.Url("huge") })).WaitAsync(Deadline));

        Assert.Equal(ErrorKind.Permanent, ex.Kind);
        Assert.Contains("larger than 10 MB", ex.Message, StringComparison.Ordinal);
    }

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
