using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Execution;
using ServicesSync.Execution.Events;
using ServicesSync.Execution.Timers;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Runtime.Tests.Execution.Fakes;

namespace ServicesSync.Runtime.Tests.Execution;

/// <summary>
/// A runtime with the in-memory store, the core activities and the test activities. Two harnesses
/// can share one store to play "the process died and another one started".
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(20);
    private readonly ServiceProvider provider;

    public EngineHarness(IWorkflowStore? sharedStore = null, Action<RuntimeOptions>? configure = null, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        if (sharedStore is null)
        {
            services.AddInMemoryStore();
        }
        else
        {
            services.AddWorkflowStore(sharedStore);
        }

        services.AddServicesSyncRuntime(options =>
        {
            options.DefaultRetry = null;
            configure?.Invoke(options);
        });
        services.AddCoreActivities();
        services.AddActivity<FlakyActivity>();
        services.AddActivity<ItemActivity>();
        services.AddActivity<WaitActivity>();
        services.AddActivity<HangActivity>();
        services.AddActivity<StubbornActivity>();
        services.AddActivity<BigOutputActivity>();
        services.AddSingleton(Faults);
        services.AddSingleton(Concurrency);
        provider = services.BuildServiceProvider();
    }

    public FaultBook Faults { get; } = new();

    public Concurrency Concurrency { get; } = new();

    public IWorkflowRuntime Runtime => provider.GetRequiredService<IWorkflowRuntime>();

    internal WorkflowRuntime Engine => provider.GetRequiredService<WorkflowRuntime>();

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    internal EventDispatcher Events => provider.GetRequiredService<EventDispatcher>();

    internal TimerDispatcher Timers => provider.GetRequiredService<TimerDispatcher>();

    public IEventPublisher Publisher => provider.GetRequiredService<IEventPublisher>();

    public async Task<PublishedWorkflow> PublishAsync(WorkflowDefinition definition)
        => await Store.PublishAsync(definition, "test", CancellationToken.None);

    public async Task<WorkflowInstance> StartAsync(string workflowId, JsonNode? input = null)
        => await Runtime.StartAsync(new StartRunRequest { WorkflowId = workflowId, Input = input }, CancellationToken.None);

    public Task<WorkflowInstance> WaitAsync(string instanceId) => Runtime.WaitAsync(instanceId, WaitLimit, CancellationToken.None);

    public async Task<WorkflowInstance> RunAsync(WorkflowDefinition definition, JsonNode? input = null)
    {
        await PublishAsync(definition);
        var started = await StartAsync(definition.Id, input);
        return await WaitAsync(started.Id);
    }

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId)
        => Store.GetJournalAsync(instanceId, null, CancellationToken.None);

    /// <summary>Stops the runtime as a shutdown would: in-flight work is interrupted and stays resumable.</summary>
    public Task StopAsync(TimeSpan drain) => Engine.ShutdownAsync(drain);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
