using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Host.Tests.Hooks;
using ServicesSync.Host.Tests.Recovery;
using ServicesSync.Persistence;
using ServicesSync.Testing.Host;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Host.Tests.MultiNode;

/// <summary>
/// Three real <c>serve</c> processes on one PostgreSQL store take a batch of 2,000 approved
/// timesheets through their webhooks, each posted on to an ERP that honours idempotency keys; one
/// node is SIGKILLed mid-batch. The sender does what a real one does with a node that stops
/// answering: it sends the same item to the next node. Every item must reach the ERP, every run
/// complete, and the dead node's runs be resumed by the others soon after its leases expire.
/// </summary>
public sealed class BatchFailoverTests
{
    private const int Items = 2000;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(1700)]
    public async Task NodeKilledMidBatch_EveryItemAppliedOnce_EveryRunCompleted(int killAfterAccepted)
    {
        await using var sink = await IdempotentSink.StartAsync(TimeSpan.FromMilliseconds(5));
        var cluster = await Cluster.CreateAsync("batch");
        await using var first = await cluster.StartAsync("first", Lease);
        using (var admin = first.CreateClient())
        {
            var hook = new JsonObject
            {
                ["path"] = "batch",
                ["dedupeKey"] = new JsonObject { ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = "input.id" } },
            };
            await ApiScenario.PublishAsync(admin, SinkWorkflows.HookToSink("batch-to-erp", hook, sink.Url), "batch-to-erp");
        }

        // Started after the publish, the other two have the route from the start.
        await using var second = await cluster.StartAsync("second", Lease);
        await using var doomed = await cluster.StartAsync("doomed", Lease);
        ServicesSyncProcess[] nodes = [first, second, doomed];
        var clients = nodes.Select(n => n.CreateClient(authenticated: false)).ToArray();
        var accepted = 0;
        var killed = new TaskCompletionSource<Stopwatch>(TaskCreationOptions.RunContinuationsAsynchronously);
        var runIds = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var onDoomed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            using var survivor = first.CreateClient();
            var sending = Parallel.ForEachAsync(Enumerable.Range(0, Items), new ParallelOptions { MaxDegreeOfParallelism = 12 }, async (item, _) =>
            {
                var id = $"TE-{item:D5}";
                var (runId, node) = await SendAsync(clients, item, id);
                runIds[id] = runId;
                if (node == 2 && !killed.Task.IsCompleted)
                {
                    onDoomed[runId] = true;
                }

                if (Interlocked.Increment(ref accepted) == killAfterAccepted)
                {
                    doomed.Kill();
                    killed.SetResult(Stopwatch.StartNew());
                }
            });

            var sinceKill = await killed.Task;
            var orphansDone = await WaitUntilNoneRunningAsync(survivor, onDoomed.Keys.ToHashSet(StringComparer.Ordinal), sinceKill);
            await sending;
            await WaitForAllCompletedAsync(survivor, TimeSpan.FromSeconds(120));

            Assert.Equal(Items, runIds.Values.Distinct().Count());
            Assert.Equal(Items, sink.Effects.Count); // none lost; a repeated delivery has no second effect
            Assert.All(runIds.Keys, id => Assert.True(sink.Effects.ContainsKey(id), $"{id} never reached the ERP"));
            // The dead node's runs wait for its leases to expire (3 s), then a scan (every second) takes them.
            Assert.True(orphansDone < Lease + TimeSpan.FromSeconds(10), $"the killed node's runs were all finished {orphansDone} after the kill");
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Posts the item to a node, and to the next one when a node does not answer or is busy.</summary>
    private static async Task<(string RunId, int Node)> SendAsync(HttpClient[] clients, int item, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        for (var attempt = 0; ; attempt++)
        {
            var node = (item + attempt) % clients.Length;
            var client = clients[node];
            try
            {
                using var response = await client.PostAsync(new Uri("hooks/batch", UriKind.Relative), HttpJson.Content($$"""{"id":"{{id}}","hours":8}"""));
                if (response.StatusCode == HttpStatusCode.Accepted || response.StatusCode == HttpStatusCode.OK)
                {
                    return ((await HttpJson.ReadAsync(response)).GetProperty("instanceId").GetString()!, node);
                }

                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (HttpRequestException)
            {
                // The node is gone (killed mid-request or before it): the next one gets the item.
            }

            Assert.True(DateTime.UtcNow < deadline, $"{id} was not accepted by any node within a minute");
        }
    }

    /// <summary>How long after the kill the last of <paramref name="runIds"/> stopped running.</summary>
    private static async Task<TimeSpan> WaitUntilNoneRunningAsync(HttpClient client, HashSet<string> runIds, Stopwatch sinceKill)
    {
        await Poll.UntilAsync(
            async () =>
            {
                var running = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"api/v1/instances?workflow=batch-to-erp&status=running&take={InstanceQuery.MaxTake}", UriKind.Relative)));
                return !running.GetProperty("items").EnumerateArray().Any(i => runIds.Contains(i.GetProperty("id").GetString()!));
            },
            TimeSpan.FromSeconds(60),
            "the killed node's runs to stop running");
        return sinceKill.Elapsed;
    }

    private static Task<int> WaitForAllCompletedAsync(HttpClient client, TimeSpan limit)
        => Poll.ForAsync(
            async () =>
            {
                var faulted = await HttpJson.ReadAsync(await client.GetAsync(new Uri("api/v1/instances?workflow=batch-to-erp&status=faulted&take=1", UriKind.Relative)));
                Assert.Equal(0, faulted.GetProperty("total").GetInt32());
                var completed = await HttpJson.ReadAsync(await client.GetAsync(new Uri("api/v1/instances?workflow=batch-to-erp&status=completed&take=1", UriKind.Relative)));
                return completed.GetProperty("total").GetInt32();
            },
            completed => completed == Items,
            limit,
            completed => $"only {completed} of {Items} runs completed");
}
