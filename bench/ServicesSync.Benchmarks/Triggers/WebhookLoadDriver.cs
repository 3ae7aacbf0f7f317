using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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
    private const string ApiKey = "ss_bench_0123456789abcdefghijklmnop";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
        var server = args.Length > 2 ? args[2] : FindServer();
        await using var sink = new LoopbackSink();
        var data = Path.Combine(Path.GetTempPath(), "servicessync-bench-" + Guid.NewGuid().ToString("N"));
        var port = FreePort();
        using var process = Start(server, port, data);
        try
        {
            using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            admin.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            await WaitForHealthAsync(admin, process);
            await PublishAsync(admin, sink.Url);

            Console.WriteLine($"webhook → map → http.request (loopback sink) → result; servicessync serve (LiteDB), {seconds} s per level, {Environment.ProcessorCount} cores");
            Console.WriteLine("clients | accepted req/s | p50 ms | p99 ms | max ms | runs completed/s | non-202 | load avg (1 min) before → after");
            foreach (var clients in new[] { 20, 50 })
            {
                await MeasureAsync(port, clients, TimeSpan.FromSeconds(2), sink);
                var before = LoadAverage();
                var result = await MeasureAsync(port, clients, TimeSpan.FromSeconds(seconds), sink);
                result.Latencies.Sort();
                Console.WriteLine(
                    $"{clients,7} | {result.Accepted / (double)seconds,14:0} | {Percentile(result.Latencies, 0.50),6:0.0} | {Percentile(result.Latencies, 0.99),6:0.0} | {result.Latencies[^1],6:0} | {result.Completed / (double)seconds,16:0} | {result.Failed,7} | {before} → {LoadAverage()}");
                await DrainAsync(sink, admin);
            }

            return 0;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private static async Task<(int Accepted, int Failed, long Completed, List<double> Latencies)> MeasureAsync(int port, int clients, TimeSpan duration, LoopbackSink sink)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        var sinkBefore = sink.Received;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var failures = new int[clients];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
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
        return (all.Count, failures.Sum(), sink.Received - sinkBefore, all);
    }

    /// <summary>Lets the runs accepted during a level finish before the next level starts.</summary>
    private static async Task DrainAsync(LoopbackSink sink, HttpClient admin)
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

    private static async Task PublishAsync(HttpClient admin, Uri sink)
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

    private static Process Start(string server, int port, string data)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[server, "serve", "--urls", $"http://127.0.0.1:{port}", "--data", data])
        {
            start.ArgumentList.Add(argument);
        }

        // serve as shipped: its request log and run log included (read and dropped here).
        start.Environment["SERVICESSYNC_BOOTSTRAP_API_KEY"] = ApiKey;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"servicessync exited with code {process.ExitCode}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("servicessync did not become healthy within 60 s.");
    }

    private static string FindServer()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ServicesSync.sln")))
            {
                return Path.Combine(directory.FullName, "runtime", "ServicesSync.Runtime.Host", "bin", "Release", "net10.0", "servicessync.dll");
            }
        }

        throw new FileNotFoundException("Pass the path of servicessync.dll (build runtime/ServicesSync.Runtime.Host in Release).");
    }

    private static string LoadAverage()
        => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Percentile(List<double> sorted, double p)
        => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
