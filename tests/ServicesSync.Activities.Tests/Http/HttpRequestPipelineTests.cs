using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities.Http;
using ServicesSync.Errors;
using ServicesSync.Testing.Activities;

namespace ServicesSync.Activities.Tests.Http;

/// <summary><c>http.request</c> goes through the connectors' pipeline: the same breaker, Retry-After and redaction.</summary>
public sealed class HttpRequestPipelineTests : IAsyncDisposable
{
    private const string Canary = "Cn4ry+s3cr/t=x y&z";

    private readonly ServiceProvider services = new ServiceCollection().AddCoreActivities().BuildServiceProvider();

    public async ValueTask DisposeAsync() => await services.DisposeAsync();

    private HttpRequestActivity Activity => services.GetRequiredService<HttpRequestActivity>();

    [Fact]
    public async Task Execute_ServerEchoesTheCredentialsItWasSent_NoCredentialInTheErrorOrTheLog()
    {
        await using var server = await LoopbackServer.StartAsync(async http =>
        {
            http.Response.StatusCode = 400;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject
            {
                ["error"] = $"auth={http.Request.Headers.Authorization} key={http.Request.Headers["X-Api-Key"]} query={http.Request.QueryString}",
            }.ToJsonString());
        });
        var context = new TestActivityContext().ForActivity<HttpRequestActivity>("call").WithInputs(new JsonObject
        {
            ["url"] = server.Url("orders"),
            ["query"] = new JsonObject { ["access_token"] = Canary, ["page"] = "2" },
            ["headers"] = new JsonObject { ["Authorization"] = "Bearer " + Canary, ["X-Api-Key"] = Canary + "2" },
        });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(context));

        Assert.Equal("Bearer " + Canary, Assert.Single(server.Requests).Headers["Authorization"]);
        Assert.Contains("auth=***", ex.Message, StringComparison.Ordinal);
        Assert.Contains("page=2", ex.Message, StringComparison.Ordinal);
        foreach (var form in new[] { Canary, Uri.EscapeDataString(Canary), WebUtility.UrlEncode(Canary), "Cn4ry" })
        {
            Assert.DoesNotContain(form, ex.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(form, context.Logger.AllText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Execute_AfterA5xxStormOnOneHost_TheCircuitOpensAndCallsFailFastWithoutReachingIt()
    {
        await using var server = await LoopbackServer.StartAsync(http =>
        {
            http.Response.StatusCode = 502;
            return Task.CompletedTask;
        });

        // The default breaker: half of at least ten calls failed.
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(server.Url($"items/{i}"))));
        }

        var open = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(server.Url("items/next"))));

        Assert.Contains("circuit", open.Message, StringComparison.Ordinal);
        Assert.True(open.Retryable);
        Assert.Equal(10, server.Requests.Count);
    }

    [Fact]
    public async Task Execute_429WithRetryAfter_FailsRetryablyWithTheWaitAsData()
    {
        await using var server = await LoopbackServer.StartAsync(http =>
        {
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = "3";
            return Task.CompletedTask;
        });

        var ex = await Assert.ThrowsAsync<ServicesSyncException>(() => Activity.RunAsync(Context(server.Url("busy"))));

        Assert.True(ex.Retryable);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        // No quick retries inside the activity: the engine's policy retries, after the wait.
        Assert.Single(server.Requests);
    }

    private static TestActivityContext Context(string url)
        => new TestActivityContext().ForActivity<HttpRequestActivity>("call").WithInputs(new JsonObject { ["url"] = url });
}
