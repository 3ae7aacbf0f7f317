using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Execution;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Persistence.LiteDb;
using ServicesSync.Persistence.PostgreSql;

namespace ServicesSync.Benchmarks.Engine;

/// <summary>A runtime as the host composes it, on the in-memory store, on LiteDB in a temp directory or on PostgreSQL.</summary>
internal sealed class BenchRuntime : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly List<IHostedService> started = [];

    public BenchRuntime(bool liteDb, Action<RuntimeOptions>? configure = null)
        : this(configure, liteDb ? Directory.CreateTempSubdirectory("servicessync-bench-").FullName : null, null)
    {
    }

    /// <summary>On PostgreSQL; the database behind <paramref name="postgres"/> belongs to the caller.</summary>
    public BenchRuntime(PostgreSqlStoreOptions postgres, Action<RuntimeOptions>? configure = null)
        : this(configure, null, postgres)
    {
    }

    private BenchRuntime(Action<RuntimeOptions>? configure, string? dataDirectory, PostgreSqlStoreOptions? postgres)
    {
        var services = new ServiceCollection();
        // No providers: the host's hosted services need loggers, nothing is written.
        services.AddLogging();
        DataDirectory = dataDirectory;
        if (postgres is not null)
        {
            services.AddPostgreSqlStore(postgres);
        }
        else if (dataDirectory is not null)
        {
            services.AddLiteDbStore(dataDirectory);
        }
        else
        {
            services.AddInMemoryStore();
        }

        services.AddServicesSyncRuntime(configure);
        services.AddCoreActivities();
        services.AddActivity<NoopActivity>();
        provider = services.BuildServiceProvider();
    }

    /// <summary>The LiteDB data directory; null on the other stores.</summary>
    public string? DataDirectory { get; }

    public IWorkflowRuntime Runtime => provider.GetRequiredService<IWorkflowRuntime>();

    internal WorkflowRuntime Engine => provider.GetRequiredService<WorkflowRuntime>();

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    /// <summary>A manual trigger followed by <paramref name="steps"/> no-op activities in a chain.</summary>
    public static WorkflowDefinition Chain(string id, int steps)
    {
        var activities = new List<ActivityNode> { new() { Id = "start", Type = "core.manual" } };
        var connections = new List<Connection>();
        for (var i = 1; i <= steps; i++)
        {
            activities.Add(new ActivityNode { Id = $"step{i}", Type = "bench.noop" });
            connections.Add(new Connection { From = i == 1 ? "start" : $"step{i - 1}", To = $"step{i}" });
        }

        return new WorkflowDefinition { Id = id, Name = id, Activities = activities, Connections = connections };
    }

    public async Task PublishAsync(WorkflowDefinition definition)
        => await Store.PublishAsync(definition, "bench", CancellationToken.None);

    public async Task RunOnceAsync(string workflowId, JsonNode? input)
    {
        var started = await Runtime.StartAsync(new StartRunRequest { WorkflowId = workflowId, Input = input }, CancellationToken.None);
        var finished = await Runtime.WaitAsync(started.Id, TimeSpan.FromMinutes(1), CancellationToken.None);
        if (finished.Status != InstanceStatus.Completed)
        {
            throw new InvalidOperationException($"Run {finished.Id} ended {finished.Status}: {finished.Error?.Message}");
        }
    }

    /// <summary>
    /// Starts the background services a host starts (recovery, heartbeat, timers, events, and on
    /// PostgreSQL the change listener that lets the store keep the newest published versions);
    /// they are stopped by <see cref="DisposeAsync"/>.
    /// </summary>
    public async Task StartHostedServicesAsync()
    {
        foreach (var service in provider.GetServices<IHostedService>())
        {
            await service.StartAsync(CancellationToken.None);
            started.Add(service);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = started.Count - 1; i >= 0; i--)
        {
            await started[i].StopAsync(CancellationToken.None);
        }

        await Engine.ShutdownAsync(TimeSpan.FromSeconds(5));
        await provider.DisposeAsync();
        if (DataDirectory is not null)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
