using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ServicesSync.Activities;
using ServicesSync.Definitions;
using ServicesSync.Execution;
using ServicesSync.Execution.Triggers;
using ServicesSync.Persistence;
using ServicesSync.Persistence.InMemory;
using ServicesSync.Triggers.FileDrop;
using ServicesSync.Triggers.Schedules;

namespace ServicesSync.Triggers.Tests;

/// <summary>
/// A runtime with the core activities and the triggers over an in-memory store. Two harnesses
/// over one store play "two runtimes at once" or "the process died and another one started".
/// </summary>
internal sealed class TriggerHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public TriggerHarness(TimeProvider clock, IWorkflowStore? sharedStore = null, Action<TriggerOptions>? configure = null, string? dataDirectory = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        if (sharedStore is null)
        {
            services.AddInMemoryStore();
        }
        else
        {
            services.AddWorkflowStore(sharedStore);
        }

        services.AddServicesSyncRuntime(o => o.DefaultRetry = null);
        services.AddCoreActivities();
        services.AddServicesSyncTriggers(dataDirectory, configure);
        provider = services.BuildServiceProvider();
    }

    public IWorkflowStore Store => provider.GetRequiredService<IWorkflowStore>();

    public IWorkflowRuntime Runtime => provider.GetRequiredService<IWorkflowRuntime>();

    internal ScheduleService Scheduler => provider.GetRequiredService<ScheduleService>();

    internal FileDropService FileDrops => provider.GetRequiredService<FileDropService>();

    internal FileDropProcessor FileDropProcessor => provider.GetRequiredService<FileDropProcessor>();

    public async Task PublishAsync(WorkflowDefinition definition)
    {
        await Store.PublishAsync(definition, "test", CancellationToken.None);
        await provider.GetRequiredService<ITriggerIndex>().RefreshAsync(CancellationToken.None);
    }

    public async Task DeleteAsync(string workflowId)
    {
        await Store.DeleteAsync(workflowId, null, CancellationToken.None);
        await provider.GetRequiredService<ITriggerIndex>().RefreshAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<WorkflowInstance>> RunsAsync(string workflowId)
        => (await Store.QueryAsync(new InstanceQuery { WorkflowId = workflowId }, CancellationToken.None)).Items;

    public ValueTask DisposeAsync() => provider.DisposeAsync();

    /// <summary>A workflow started by one trigger node, followed by a core.set that copies the message.</summary>
    public static WorkflowDefinition Workflow(string id, string triggerType, JsonObject triggerInputs) => new()
    {
        Id = id,
        Name = id,
        Activities =
        [
            new ActivityNode { Id = "trigger", Type = triggerType, Inputs = triggerInputs },
            new ActivityNode { Id = "copy", Type = CoreActivityTypes.Set, Inputs = new JsonObject { ["template"] = new JsonObject { ["seen"] = true } } },
        ],
        Connections = [new Connection { From = "trigger", To = "copy" }],
    };
}
