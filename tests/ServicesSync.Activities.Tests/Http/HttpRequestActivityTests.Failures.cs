using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using ServicesSync.Errors;

namespace ServicesSync.Activities.Tests.Http;

/// <summary>How calls fail: status codes, timeouts, cancellation, refused connections, oversized bodies.</summary>
public sealed partial class HttpRequestActivityTests
{
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
}
