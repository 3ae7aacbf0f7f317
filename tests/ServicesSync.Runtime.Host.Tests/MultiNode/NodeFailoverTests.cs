using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;
using ServicesSync.Host.Tests.Recovery;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// A node that dies loses its runs to the others: two real <c>serve</c> processes on one
/// PostgreSQL store with short leases, one SIGKILLed while its run posts to an ERP sink.
/// </summary>
public sealed class NodeFailoverTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task NodeKilledMidRun_AnotherNodeResumesTheRunAfterItsLeaseExpires_AndTheEffectHappensOnce()
    {
        await using var sink = await IdempotentSink.StartAsync(TimeSpan.FromSeconds(3));
        var cluster = await Cluster.CreateAsync("failover");
        await using var doomed = await cluster.StartAsync("doomed", Lease);
        await using var survivor = await cluster.StartAsync("survivor", Lease);
        var instanceId = await StartPostingAsync(doomed, sink, "TE-7");
        doomed.Kill();
        var killed = Stopwatch.StartNew();

        using var survivorAdmin = survivor.CreateClient();
        var finished = await ApiScenario.WaitForEndAsync(survivorAdmin, instanceId);

        Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        // The lease runs out 3 s after the last heartbeat; the survivor looks every second.
        Assert.True(killed.Elapsed < Lease + TimeSpan.FromSeconds(10), $"taken over and finished {killed.Elapsed} after the kill");
        Assert.Equal(1, Assert.Single(sink.Effects).Value);
    }

    [Fact]
    public async Task NodeStoppedGracefullyMidRun_HandsTheRunOver_AnotherNodeFinishesItWithoutWaitingForTheLease()
    {
        await using var sink = await IdempotentSink.StartAsync(TimeSpan.FromSeconds(4));
        var cluster = await Cluster.CreateAsync("handover");
        var stoppingOptions = cluster.Node("stopping");
        stoppingOptions.Environment["ServicesSync__Runtime__ShutdownDrainTimeout"] = "00:00:01";
        await using var stopping = await ServicesSyncProcess.StartAsync(stoppingOptions);
        // The staying node scans for orphans only every minute: only the handover's notification
        // can make it take the run within seconds.
        var stayingOptions = cluster.Node("staying");
        stayingOptions.Environment["ServicesSync__Runtime__OrphanScanInterval"] = "00:01:00";
        stayingOptions.Environment["ServicesSync__Runtime__LeaseDuration"] = "00:02:00";
        await using var staying = await ServicesSyncProcess.StartAsync(stayingOptions);
        var instanceId = await StartPostingAsync(stopping, sink, "TE-8");
        var stopped = Stopwatch.StartNew();
        await stopping.StopAsync(TimeSpan.FromSeconds(30));

        using var stayingAdmin = staying.CreateClient();
        var finished = await ApiScenario.WaitForEndAsync(stayingAdmin, instanceId);

        Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(15), $"finished {stopped.Elapsed} after the stop; without the handover the next scan would come within a minute");
        Assert.Equal(1, Assert.Single(sink.Effects).Value);
    }

    /// <summary>Publishes webhook → ERP post on <paramref name="node"/>, starts a run there and returns once its post is in flight.</summary>
    private static async Task<string> StartPostingAsync(ServicesSyncProcess node, IdempotentSink sink, string timeEntry)
    {
        using (var admin = node.CreateClient())
        {
            await ApiScenario.PublishAsync(admin, PostToSink(sink.Url), "failover-to-erp");
        }

        string instanceId;
        using (var client = node.CreateClient(authenticated: false))
        {
            using var accepted = await client.PostAsync(new Uri("hooks/failover", UriKind.Relative), HttpJson.Content($$"""{"id":"{{timeEntry}}","hours":8}"""));
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            instanceId = (await HttpJson.ReadAsync(accepted)).GetProperty("instanceId").GetString()!;
        }

        await Poll.UntilAsync(() => !sink.Deliveries.IsEmpty, TimeSpan.FromSeconds(30), "the run's post to the ERP");
        return instanceId;
    }

    private static string PostToSink(Uri sinkUrl)
        => SinkWorkflows.HookToSink("failover-to-erp", new JsonObject { ["path"] = "failover" }, sinkUrl);
}
