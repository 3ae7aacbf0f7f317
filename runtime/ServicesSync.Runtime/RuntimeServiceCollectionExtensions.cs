using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ServicesSync.Activities;
using ServicesSync.Execution;
using ServicesSync.Execution.Compilation;
using ServicesSync.Execution.Events;
using ServicesSync.Execution.Ownership;
using ServicesSync.Execution.Timers;
using ServicesSync.Execution.Triggers;
using ServicesSync.Execution.Hosting;
using ServicesSync.Execution.Inputs;
using ServicesSync.Execution.Instances;
using ServicesSync.Execution.Journal;
using ServicesSync.Idempotency;
using ServicesSync.Registry;
using ServicesSync.Validation;

namespace ServicesSync;

public static class RuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: activity registry, validator, expression evaluators, executor and the
    /// background services that resume and prune runs. A store must be registered too.
    /// </summary>
    public static IServiceCollection AddServicesSyncRuntime(this IServiceCollection services, Action<RuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<RuntimeOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<RuntimeOptions>>().Value);
        services.TryAddSingleton<IActivityRegistry, ActivityRegistry>();
        services.AddWorkflowValidation();
        services.TryAddSingleton<ExpressionEvaluators>();
        services.TryAddSingleton<InputResolver>();
        services.TryAddSingleton<IIdempotencyService, IdempotencyService>();
        services.TryAddSingleton<ActivityInvoker>();
        services.TryAddSingleton<CommitQueue>();
        services.TryAddSingleton<EngineServices>();
        services.TryAddSingleton<ResiliencePipelineFactory>();
        services.TryAddSingleton<WorkflowCompiler>();
        // A shared store registers its own ownership (leases) before this; one box owns every run.
        services.TryAddSingleton<IRunOwnership, LocalRunOwnership>();
        services.TryAddSingleton<ICancellationRequests, NoCancellationRequests>();
        services.TryAddSingleton<WorkflowRuntime>();
        services.TryAddSingleton<IWorkflowRuntime>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.TryAddSingleton<RuntimeSignals>();
        services.TryAddSingleton<ITriggerIndex, TriggerIndex>();
        services.TryAddSingleton<IEventPublisher, EventPublisher>();
        services.TryAddSingleton<EventDispatcher>();
        services.TryAddSingleton<TimerDispatcher>();
        services.AddSingleton<IHostedService, RuntimeHostedService>();
        services.AddSingleton<IHostedService, EventAndTimerService>();
        return services;
    }

    /// <summary>Registers an activity type (its descriptor comes from its attributes).</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : class, IActivity
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(ActivityRegistration.For<TActivity>());
        return services;
    }
}
