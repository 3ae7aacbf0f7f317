using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ServicesSync.Benchmarks.Engine;
using ServicesSync.Benchmarks.Triggers;

namespace ServicesSync.Benchmarks.Cluster;

/// <summary>
/// Webhook intake of real <c>servicessync serve</c> processes: one node on LiteDB, one node on
/// PostgreSQL and two nodes on one PostgreSQL database (the clients split evenly between them),
/// alternated in rounds (A B C A B C), each on a fresh store; then the takeover time after a
/// SIGKILL of one of two nodes, with the default leases and with short ones.
/// Usage: <c>dotnet run -c Release --project bench/ServicesSync.Benchmarks -- cluster-load [seconds] --postgres CONNECTION [--clients 50] [--rounds 2]</c>.
/// </summary>
internal static class ClusterLoadDriver
{
    private const int InFlightAtKill = 100;
    private static readonly TimeSpan SlowErp = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var s) ? s : 10;
        var postgres = Option(args, "--postgres");
        var clients = int.Parse(Option(args, "--clients") ?? "50", CultureInfo.InvariantCulture);
        var rounds = int.Parse(Option(args, "--rounds") ?? "2", CultureInfo.InvariantCulture);
        if (postgres is null)
        {
            Console.Error.WriteLine("cluster-load needs --postgres \"Host=…;Port=…;Username=…;Database=postgres\" (a server with fsync on).");
            return 2;
        }

        if (!await PostgreSqlBenchDatabase.FsyncAsync(postgres))
        {
            Console.Error.WriteLine("The PostgreSQL server runs with fsync off; its numbers would mean nothing. Start it with PG_DURABLE=1 bash eng/realsystems/postgres.sh start.");
            return 2;
        }

        var server = BenchServer.FindServer();
        Console.WriteLine($"webhook → map → http.request (loopback sink) → result; {clients} closed-loop clients, {seconds} s per measurement after {Warmup.TotalSeconds:0} s warm-up, {Environment.ProcessorCount} cores");
        Console.WriteLine("round | setup | accepted req/s | p50 ms | p99 ms | max ms | runs completed/s | non-202 | load avg (1 min) before → after");
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (setup, nodes) in new[] { ("LiteDB, 1 node", 0), ("PostgreSQL, 1 node", 1), ("PostgreSQL, 2 nodes", 2) })
            {
                await MeasureSetupAsync(server, postgres, round, setup, nodes, clients, seconds);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"takeover: {InFlightAtKill} runs in flight on one of two nodes (the ERP answers in {SlowErp.TotalSeconds:0} s), that node SIGKILLed");
        Console.WriteLine("leases | first run resumed after the kill | all resumed runs finished after the kill | load avg");
        foreach (var (lease, scan) in new[] { (TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5)), (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)) })
        {
            await MeasureTakeoverAsync(server, postgres, lease, scan);
        }

        return 0;
    }

    private static async Task MeasureSetupAsync(string server, string postgres, int round, string setup, int pgNodes, int clients, int seconds)
    {
        await using var sink = new LoopbackSink();
        await using var database = pgNodes > 0 ? await PostgreSqlBenchDatabase.CreateAsync(postgres) : null;
        var nodes = new List<BenchServer>();
        try
        {
            var environment = database is null ? null : SharedEnvironment(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5));
            string[] store = database is null ? [] : ["--store", database.ConnectionString];
            nodes.Add(BenchServer.Start(server, environment, store));
            await nodes[0].WaitForHealthAsync();
            using var admin = nodes[0].CreateAdmin();
            await WebhookLoadDriver.PublishAsync(admin, sink.Url);
            for (var i = 1; i < pgNodes; i++)
            {
                // Started after the publish, it has the route from the start.
                nodes.Add(BenchServer.Start(server, environment, store));
                await nodes[i].WaitForHealthAsync();
            }

            var ports = nodes.Select(n => n.Port).ToArray();
            // A fresh process: long enough for the JIT's tiering, or the first seconds measure the compiler.
            await WebhookLoadDriver.MeasureAsync(ports, clients, Warmup, sink);
            var before = BenchServer.LoadAverage();
            var result = await WebhookLoadDriver.MeasureAsync(ports, clients, TimeSpan.FromSeconds(seconds), sink);
            Console.WriteLine($"{round,5} | {setup,-19} | {result.Row(seconds)} | {before} → {BenchServer.LoadAverage()}");
            await WebhookLoadDriver.DrainAsync(sink, admin);
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    private static async Task MeasureTakeoverAsync(string server, string postgres, TimeSpan lease, TimeSpan scan)
    {
        await using var sink = new LoopbackSink(SlowErp);
        await using var database = await PostgreSqlBenchDatabase.CreateAsync(postgres);
        var environment = SharedEnvironment(lease, scan);
        string[] store = ["--store", database.ConnectionString];
        using var survivor = BenchServer.Start(server, environment, store);
        await survivor.WaitForHealthAsync();
        using var admin = survivor.CreateAdmin();
        await WebhookLoadDriver.PublishAsync(admin, sink.Url);
        using var doomed = BenchServer.Start(server, environment, store);
        await doomed.WaitForHealthAsync();

        using var hooks = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{doomed.Port}/") };
        await Task.WhenAll(Enumerable.Range(0, InFlightAtKill).Select(async i =>
        {
            using var response = await hooks.PostAsync(
                new Uri("hooks/bench/events", UriKind.Relative),
                new StringContent($$"""{"event":"timesheet.approved","worker":"W-{{i}}","entry":{{i}},"hours":7.5}""", Encoding.UTF8, "application/json"));
            response.EnsureSuccessStatusCode();
        }));
        var deadline = Stopwatch.StartNew();
        while (sink.Received < InFlightAtKill && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        doomed.Kill();
        var sinceKill = Stopwatch.StartNew();
        TimeSpan? firstResumed = null;
        while (sinceKill.Elapsed < lease * 3)
        {
            firstResumed ??= sink.Received > InFlightAtKill ? sinceKill.Elapsed : null;
            var page = JsonNode.Parse(await admin.GetStringAsync(new Uri("api/v1/instances?workflow=bench-hook&status=running&take=1", UriKind.Relative)))!;
            if (page["total"]!.GetValue<int>() == 0)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{lease.TotalSeconds:0} s, scan {scan.TotalSeconds:0} s | {firstResumed?.TotalSeconds:0.0} s | {sinceKill.Elapsed.TotalSeconds:0.0} s | {BenchServer.LoadAverage()}"));
                return;
            }

            await Task.Delay(50);
        }

        Console.WriteLine($"{lease.TotalSeconds:0} s leases: runs still running {sinceKill.Elapsed.TotalSeconds:0} s after the kill");
    }

    private static Dictionary<string, string> SharedEnvironment(TimeSpan lease, TimeSpan scan) => new(StringComparer.Ordinal)
    {
        ["ServicesSync__Secrets__Key"] = SecretsKey,
        ["ServicesSync__Runtime__LeaseDuration"] = lease.ToString("c", CultureInfo.InvariantCulture),
        ["ServicesSync__Runtime__OrphanScanInterval"] = scan.ToString("c", CultureInfo.InvariantCulture),
    };

    private static readonly string SecretsKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
