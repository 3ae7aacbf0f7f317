using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServicesSync.Definitions;
using ServicesSync.Execution;
using ServicesSync.Execution.Ownership;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;
using ServicesSync.Persistence.PostgreSql.Notifications;
using ServicesSync.Testing.Definitions;
using ServicesSync.Testing.Waiting;

namespace ServicesSync.Runtime.PostgreSql.Tests.Execution;

/// <summary>A runtime node on a PostgreSQL schema; two harnesses on one schema are two nodes of one cluster.</summary>
internal sealed class PostgreSqlRuntimeHarness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private readonly ServiceProvider provider;
    private bool listening;

    public PostgreSqlRuntimeHarness(string connectionString, string nodeId)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = connectionString });
        services.AddServicesSyncRuntime(options =>
        {
            options.DefaultRetry = null;
            options.NodeId = nodeId;
        });
        services.AddActivity<TestActivities.Trigger>();
        services.AddActivity<GatedStep>();
        services.AddSingleton(Gate);
        provider = services.BuildServiceProvider();
    }

    public GatedStep.Gate Gate { get; } = new();

    public IWorkflowRuntime Runtime => provider.GetRequiredService<IWorkflowRuntime>();

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    public IRunOwnership Ownership => provider.GetRequiredService<IRunOwnership>();

    internal PostgreSqlWorkflowStore PostgreSql => provider.GetRequiredService<PostgreSqlWorkflowStore>();

    /// <summary>A trigger and the gated step after it.</summary>
    public static WorkflowDefinition Gated(string id)
        => new()
        {
            Id = id,
            Name = id,
            Activities =
            [
                new ActivityNode { Id = "start", Type = TestActivities.TriggerType, Inputs = new JsonObject { ["path"] = id } },
                new ActivityNode { Id = "gated", Type = GatedStep.Type },
            ],
            Connections = [new Connection { From = "start", To = "gated" }],
        };

    /// <summary>Starts this node's change listener and returns once its LISTEN is in place.</summary>
    public async Task StartListeningAsync()
    {
        listening = true;
        await Listener.StartAsync(CancellationToken.None);
        await Poll.UntilAsync(() => PostgreSql.Published.IsListening, WaitLimit, "the listener to start listening");
    }

    public async Task<WorkflowInstance> StartAsync(string workflowId)
        => await Runtime.StartAsync(new StartRunRequest { WorkflowId = workflowId }, CancellationToken.None);

    public Task<WorkflowInstance> WaitAsync(string instanceId) => Runtime.WaitAsync(instanceId, WaitLimit, CancellationToken.None);

    private StoreNotificationListener Listener => provider.GetServices<IHostedService>().OfType<StoreNotificationListener>().Single();

    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        if (listening)
        {
            await Listener.StopAsync(CancellationToken.None);
        }

        await provider.GetRequiredService<WorkflowRuntime>().ShutdownAsync(TimeSpan.FromSeconds(5));
        await provider.DisposeAsync();
    }
}
