using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Activities.Control;
using ServicesSync.Activities.Events;
using ServicesSync.Activities.Http;
using ServicesSync.Activities.Polling;
using ServicesSync.Activities.Timers;
using ServicesSync.Activities.Transform;
using ServicesSync.Activities.Triggers;
using ServicesSync.Connections;
using ServicesSync.Registry;

namespace ServicesSync.Activities;

public static class CoreActivitiesServiceCollectionExtensions
{
    /// <summary>Registers the core activity library: triggers, transforms, control flow, HTTP.</summary>
    public static IServiceCollection AddCoreActivities(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        Add<ManualTriggerActivity>(services);
        Add<WebhookTriggerActivity>(services);
        Add<ScheduleTriggerActivity>(services);
        Add<SetActivity>(services);
        Add<SetVariableActivity>(services);
        Add<BranchActivity>(services);
        Add<ForEachActivity>(services);
        Add<JoinActivity>(services);
        Add<BatchActivity>(services);
        Add<CallWorkflowActivity>(services);
        Add<DeadLetterActivity>(services);
        Add<LogActivity>(services);
        Add<HttpRequestActivity>(services);
        Add<EventTriggerActivity>(services);
        Add<PublishEventActivity>(services);
        Add<WaitForEventActivity>(services);
        Add<DelayActivity>(services);
        Add<WaitUntilActivity>(services);
        Add<FileDropTriggerActivity>(services);
        Add<WatermarkGetActivity>(services);
        Add<WatermarkAdvanceActivity>(services);

        // http.request sends through the connectors' pipeline, on an ad-hoc connection per host.
        services.AddConnectionHttp();
        return services;
    }

    private static void Add<TActivity>(IServiceCollection services)
        where TActivity : class, IActivity
    {
        // Idempotent, so calling AddCoreActivities twice does not register everything twice.
        if (services.Any(d => d.ServiceType == typeof(TActivity)))
        {
            return;
        }

        services.AddSingleton(ActivityRegistration.For<TActivity>());
        services.TryAddTransient<TActivity>();
    }
}
