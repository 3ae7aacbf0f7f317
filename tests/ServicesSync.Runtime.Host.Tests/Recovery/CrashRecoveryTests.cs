using System.Text.Json;
using System.Text.Json.Nodes;
using ServicesSync.Host.Tests.Api;
using ServicesSync.Testing.Host;

namespace ServicesSync.Host.Tests.Recovery;

/// <summary>
/// The promise operators buy: kill -9 the runtime in the middle of a batch that posts money to an
/// ERP, start it again, and every item is posted exactly once and the run completes.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int ItemCount = 60;
    private const int Parallelism = 4;

    [Fact]
    public async Task Serve_KilledMidForEach_ResumesAfterRestartAndPostsEveryItemExactlyOnce()
    {
        await using var sink = await IdempotentSink.StartAsync(TimeSpan.FromMilliseconds(40));
        await using var server = await ServicesSyncProcess.StartAsync();
        string instanceId;
        using (var client = server.CreateClient())
        {
            await PublishAsync(client, PostEveryItem(sink.Url));
            var items = new JsonArray([.. Enumerable.Range(1, ItemCount).Select(i => (JsonNode)new JsonObject { ["id"] = $"TE-{i:000}", ["hours"] = 1.5 })]);
            var started = await HttpJson.ReadAsync(await client.PostAsync(new Uri("api/v1/workflows/post-time/runs", UriKind.Relative), HttpJson.Content(items.ToJsonString())));
            instanceId = started.GetProperty("instanceId").GetString()!;
        }

        await WaitUntilAsync(() => sink.Deliveries.Count >= ItemCount / 3, TimeSpan.FromSeconds(60));
        server.Kill();
        var deliveredBeforeCrash = sink.Deliveries.Count;
        Assert.InRange(deliveredBeforeCrash, ItemCount / 3, ItemCount - 1);

        await server.RestartAsync();
        using (var client = server.CreateClient())
        {
            var finished = await WaitForStatusAsync(client, instanceId, "completed", TimeSpan.FromSeconds(90));
            Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        }

        var expected = Enumerable.Range(1, ItemCount).Select(i => $"TE-{i:000}").ToHashSet();
        Assert.Equal(expected, sink.Effects.Keys.ToHashSet());
        Assert.All(sink.Effects.Values, count => Assert.Equal(1, count));
        // Only the posts in flight at the moment of the kill may be delivered a second time, and
        // the target's idempotency turned those into no-ops.
        Assert.InRange(sink.Deliveries.Count - ItemCount, 0, Parallelism);
    }

    private static string PostEveryItem(Uri sinkUrl) => new JsonObject
    {
        ["schemaVersion"] = 1,
        ["id"] = "post-time",
        ["name"] = "Post approved time",
        ["activities"] = new JsonArray(
            new JsonObject { ["id"] = "start", ["type"] = "core.manual" },
            new JsonObject { ["id"] = "each", ["type"] = "core.forEach", ["inputs"] = new JsonObject { ["parallelism"] = Parallelism } },
            new JsonObject
            {
                ["id"] = "post",
                ["type"] = "http.request",
                ["inputs"] = new JsonObject
                {
                    ["method"] = "post",
                    ["url"] = sinkUrl.ToString(),
                    ["body"] = Js("input"),
                    ["idempotencyKey"] = Js("input.id"),
                },
                ["retry"] = new JsonObject { ["maxAttempts"] = 5, ["backoff"] = "exponential", ["initialDelay"] = "PT0.2S" },
            }),
        ["connections"] = new JsonArray(
            new JsonObject { ["from"] = "start", ["to"] = "each" },
            new JsonObject { ["from"] = "each", ["outcome"] = "body", ["to"] = "post" }),
    }.ToJsonString();

    private static JsonObject Js(string code) => new()
    {
        ["expression"] = new JsonObject { ["language"] = "javascript", ["code"] = code },
    };

    private static async Task PublishAsync(HttpClient client, string definition)
    {
        using var created = await client.PostAsync(new Uri("api/v1/workflows", UriKind.Relative), HttpJson.Content(definition));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        using var published = await client.PostAsync(new Uri("api/v1/workflows/post-time/publish", UriKind.Relative), null);
        Assert.True(published.IsSuccessStatusCode, await published.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string instanceId, string status, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var instance = await HttpJson.ReadAsync(await client.GetAsync(new Uri($"api/v1/instances/{instanceId}", UriKind.Relative)));
            if (instance.GetProperty("instance").GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return instance;
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
