using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Definitions;
using ServicesSync.Execution;
using ServicesSync.Execution.Ownership;
using ServicesSync.Persistence;
using ServicesSync.Persistence.PostgreSql;

namespace ServicesSync.Runtime.PostgreSql.Tests.Execution;

/// <summary>A runtime node on a PostgreSQL schema; two harnesses on one schema are two nodes of one cluster.</summary>
internal sealed class PostgreSqlRuntimeHarness : IAsyncDisposable
{
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private readonly ServiceProvider provider;

    public PostgreSqlRuntimeHarness(string connectionString, string nodeId)
    {
        var services = new ServiceCollection();
        services.AddPostgreSqlStore(new PostgreSqlStoreOptions { ConnectionString = connectionString });
        services.AddServicesSyncRuntime(options =>
        {
            options.DefaultRetry = null;
            options.NodeId = nodeId;
        });
        services.AddActivity<GatedTrigger>();
        services.AddSingleton(Gate);
        provider = services.BuildServiceProvider();
    }

    public GatedTrigger.Gate Gate { get; } = new();

    public IWorkflowRuntime Runtime => provider.GetRequiredService<IWorkflowRuntime>();

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    public IRunOwnership Ownership => provider.GetRequiredService<IRunOwnership>();

    internal PostgreSqlWorkflowStore PostgreSql => provider.GetRequiredService<PostgreSqlWorkflowStore>();

    /// <summary>A workflow of the gated trigger alone.</summary>
    public static WorkflowDefinition Gated(string id)
        => new() { Id = id, Name = id, Activities = [new ActivityNode { Id = "start", Type = GatedTrigger.Type }], Connections = [] };

    public async Task<WorkflowInstance> StartAsync(string workflowId)
        => await Runtime.StartAsync(new StartRunRequest { WorkflowId = workflowId }, CancellationToken.None);

    public Task<WorkflowInstance> WaitAsync(string instanceId) => Runtime.WaitAsync(instanceId, WaitLimit, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Gate.Open();
        await provider.GetRequiredService<WorkflowRuntime>().ShutdownAsync(TimeSpan.FromSeconds(5));
        await provider.DisposeAsync();
    }
}
