using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ServicesSync.Benchmarks.Triggers;

/// <summary>
/// Load driver for webhook intake: starts <c>servicessync serve</c> (Release build) on a fresh data
/// directory, publishes webhook → map → http.request to a loopback sink → result, and posts to
/// <c>/hooks/bench/events</c> from 20 and then 50 concurrent clients, each sending its next request
/// when the previous one is answered. A 202 means the run is stored (journaled) before the answer.
/// Usage: <c>dotnet run -c Release --project bench/ServicesSync.Benchmarks -- webhook-load [seconds] [servicessync.dll]</c>.
/// </summary>
internal static class WebhookLoadDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var server = args.Length > 2 ? args[2] : BenchServer.FindServer();
        await using var sink = new LoopbackSink();
        using var node = BenchServer.Start(server);
        await node.WaitForHealthAsync();
        using var admin = node.CreateAdmin();
        await PublishAsync(admin, sink.Url);

        Console.WriteLine($"webhook → map → http.request (loopback sink) → result; servicessync serve (LiteDB), {seconds} s per level, {Environment.ProcessorCount} cores");
        Console.WriteLine("clients | accepted req/s | p50 ms | p99 ms | max ms | runs completed/s | non-202 | load avg (1 min) before → after");
        foreach (var clients in new[] { 20, 50 })
        {
            await MeasureAsync([node.Port], clients, TimeSpan.FromSeconds(2), sink);
            var before = BenchServer.LoadAverage();
            var result = await MeasureAsync([node.Port], clients, TimeSpan.FromSeconds(seconds), sink);
            Console.WriteLine($"{clients,7} | {result.Row(seconds)} | {before} → {BenchServer.LoadAverage()}");
            await DrainAsync(sink, admin);
        }

        return 0;
    }

    /// <summary>
    /// <paramref name="clients"/> closed-loop clients for <paramref name="duration"/>, client c
    /// posting to <c>ports[c % ports.Length]</c> (several nodes share the clients evenly).
    /// </summary>
    public static async Task<IntakeResult> MeasureAsync(int[] ports, int clients, TimeSpan duration, LoopbackSink sink)
    {
        var handlers = ports.Select(_ => new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }).ToArray();
        var http = ports.Select((port, i) => new HttpClient(handlers[i]) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) }).ToArray();
        try
        {
            var sinkBefore = sink.Received;
            var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
            var latencies = new List<double>[clients];
            var failures = new int[clients];
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                var client = http[c % http.Length];
                var own = latencies[c] = [];
                var sequence = 0;
                while (Stopwatch.GetTimestamp() < until)
                {
                    var body = $$"""{"event":"timesheet.approved","worker":"W-{{c}}","entry":{{sequence++}},"hours":7.5}""";
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync(new Uri("hooks/bench/events", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        failures[c]++;
                    }
                }
            }));
            var all = latencies.SelectMany(l => l).ToList();
            all.Sort();
            return new IntakeResult(all.Count, failures.Sum(), sink.Received - sinkBefore, all);
        }
        finally
        {
            foreach (var client in http)
            {
                client.Dispose();
            }

            foreach (var handler in handlers)
            {
                handler.Dispose();
            }
        }
    }

    /// <summary>Lets the runs accepted during a level finish before the next level starts.</summary>
    public static async Task DrainAsync(LoopbackSink sink, HttpClient admin)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            var page = JsonNode.Parse(await admin.GetStringAsync(new Uri("api/v1/instances?workflow=bench-hook&status=running&take=1", UriKind.Relative)))!;
            if (page["total"]!.GetValue<int>() == 0)
            {
                Console.WriteLine($"        (drained: {sink.Received} posts to the sink so far, {deadline.Elapsed.TotalSeconds:0.0} s after the level)");
                return;
            }

            await Task.Delay(200);
        }
    }

    public static async Task PublishAsync(HttpClient admin, Uri sink)
    {
        var definition = new JsonObject
        {
            ["schemaVersion"] = 1,
            ["id"] = "bench-hook",
            ["name"] = "Webhook benchmark",
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "hook", ["type"] = "core.webhook", ["inputs"] = new JsonObject { ["path"] = "bench/events" } },
                new JsonObject { ["id"] = "map", ["type"] = "core.set", ["inputs"] = new JsonObject { ["template"] = new JsonObject { ["workerId"] = "{{input.worker}}", ["entry"] = "{{input.entry}}", ["hours"] = "{{input.hours}}" } } },
                new JsonObject { ["id"] = "post", ["type"] = "http.request", ["inputs"] = new JsonObject { ["method"] = "post", ["url"] = sink.ToString() }, ["retry"] = new JsonObject { ["maxAttempts"] = 1 } },
                new JsonObject { ["id"] = "result", ["type"] = "core.set", ["inputs"] = new JsonObject { ["template"] = new JsonObject { ["posted"] = true } } }),
            ["connections"] = new JsonArray(
                new JsonObject { ["from"] = "hook", ["to"] = "map" },
                new JsonObject { ["from"] = "map", ["to"] = "post" },
                new JsonObject { ["from"] = "post", ["to"] = "result" }),
        };
        using var created = await admin.PostAsync(new Uri("api/v1/workflows", UriKind.Relative), new StringContent(definition.ToJsonString(), Encoding.UTF8, "application/json"));
        created.EnsureSuccessStatusCode();
        using var published = await admin.PostAsync(new Uri("api/v1/workflows/bench-hook/publish", UriKind.Relative), null);
        published.EnsureSuccessStatusCode();
    }
}

/// <summary>One level of the intake load: 202s, other answers, sink posts in the window, sorted latencies of the 202s.</summary>
internal sealed record IntakeResult(int Accepted, int Failed, long Completed, List<double> Latencies)
{
    public string Row(int seconds)
        => string.Create(
            CultureInfo.InvariantCulture,
            $"{Accepted / (double)seconds,14:0} | {BenchServer.Percentile(Latencies, 0.50),6:0.0} | {BenchServer.Percentile(Latencies, 0.99),6:0.0} | {(Latencies.Count > 0 ? Latencies[^1] : 0),6:0} | {Completed / (double)seconds,16:0} | {Failed,7}");
}
