using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Recovery;
using ServicesSync.Testing.Host;

namespace ServicesSync.Host.Tests.Hooks;

/// <summary>
/// Durable intake: once a hook has answered 202 the run exists in the store, so killing the
/// server before the run has done its work only delays it to the next start.
/// </summary>
public sealed class WebhookCrashRecoveryTests
{
    [Fact]
    public async Task Serve_KilledAfterAcceptingAWebhook_RunsItAfterRestart_AndARedeliveryStartsNothing()
    {
        await using var sink = await IdempotentSink.StartAsync(TimeSpan.FromSeconds(2));
        await using var server = await ServicesSyncProcess.StartAsync();
        using (var admin = server.CreateClient())
        {
            await ApiScenario.PublishAsync(admin, PostToSink(sink.Url), "hook-to-erp");
        }

        string instanceId;
        using (var client = server.CreateClient(authenticated: false))
        {
            using var accepted = await client.SendAsync(Delivery());
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            instanceId = (await HttpJson.ReadAsync(accepted)).GetProperty("instanceId").GetString()!;
        }

        // The run is posting to the ERP (which takes 2 s): kill the server now.
        await WaitUntilAsync(() => !sink.Deliveries.IsEmpty, TimeSpan.FromSeconds(30));
        server.Kill();

        await server.RestartAsync();
        using (var client = server.CreateClient())
        {
            var finished = await WaitForEndAsync(client, instanceId, TimeSpan.FromSeconds(60));
            Assert.Equal("completed", finished);
            using var redelivered = await client.SendAsync(Delivery());
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            Assert.Equal(instanceId, (await HttpJson.ReadAsync(redelivered)).GetProperty("instanceId").GetString());
        }

        Assert.Equal(1, Assert.Single(sink.Effects).Value);
    }

    private static HttpRequestMessage Delivery()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "hooks/jira/approved") { Content = HttpJson.Content("""{"id":"TE-42","hours":7.5}""") };
        request.Headers.Add("X-Atlassian-Webhook-Identifier", "delivery-42");
        return request;
    }

    private static string PostToSink(Uri sinkUrl)
        => SinkWorkflows.HookToSink("hook-to-erp", new JsonObject { ["path"] = "jira/approved", ["deliveryIdHeader"] = "X-Atlassian-Webhook-Identifier" }, sinkUrl);

    private static async Task<string?> WaitForEndAsync(HttpClient client, string instanceId, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var instance = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"api/v1/instances/{instanceId}", UriKind.Relative)));
            var status = instance.GetProperty("instance").GetProperty("status").GetString();
            if (status != "running" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not reached within {limit}");
            await Task.Delay(10);
        }
    }
}
