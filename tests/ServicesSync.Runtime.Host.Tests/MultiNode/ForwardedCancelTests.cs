using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;
using ServicesSync.Host.Tests.Recovery;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// An operator cancels, through one node, a run another node is executing: the request reaches
/// the node that drives it, which stops it mid-activity.
/// </summary>
public sealed class ForwardedCancelTests
{
    [Fact]
    public async Task CancelOnTheOtherNode_StopsTheRunWhileItsCallIsInFlight_AndAnswersCancelled()
    {
        // The ERP takes 25 s to answer: the run is busy on its node for all of that.
        await using var sink = await IdempotentSink.StartAsync(TimeSpan.FromSeconds(25));
        var cluster = await Cluster.CreateAsync("cancel");
        await using var driving = await cluster.StartAsync("driving");
        await using var asked = await cluster.StartAsync("asked");
        using (var admin = driving.CreateClient())
        {
            await ApiScenario.PublishAsync(admin, SinkWorkflows.HookToSink("slow-erp", new JsonObject { ["path"] = "slow-erp" }, sink.Url), "slow-erp");
        }

        string instanceId;
        using (var hooks = driving.CreateClient(authenticated: false))
        {
            using var accepted = await hooks.PostAsync(new Uri("hooks/slow-erp", UriKind.Relative), HttpJson.Content("""{"id":"TE-9","hours":4}"""));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            instanceId = (await HttpJson.ReadAsync(accepted)).GetProperty("instanceId").GetString()!;
        }

        await Poll.UntilAsync(() => !sink.Deliveries.IsEmpty, TimeSpan.FromSeconds(30), "the run's call to the ERP");

        using var operatorClient = asked.CreateClient();
        var clock = Stopwatch.StartNew();
        using var cancelled = await operatorClient.PostAsync(new Uri($"api/v1/instances/{instanceId}/cancel", UriKind.Relative), null);

        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        Assert.Equal("cancelled", (await HttpJson.ReadAsync(cancelled)).GetProperty("status").GetString());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"cancelled {clock.Elapsed} after the request, the ERP call would have ended at 25 s");
        var run = await HttpJson.ReadAsync(await operatorClient.GetAsync(new Uri($"api/v1/instances/{instanceId}", UriKind.Relative)));
        Assert.Equal("cancelled", run.GetProperty("instance").GetProperty("status").GetString());
    }
}
