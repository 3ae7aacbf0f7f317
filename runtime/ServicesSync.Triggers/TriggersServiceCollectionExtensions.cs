using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ServicesSync.Activities;
using ServicesSync.Triggers.FileDrop;
using ServicesSync.Triggers.Schedules;
using ServicesSync.Triggers.Webhooks;

namespace ServicesSync.Triggers;

public static class TriggersServiceCollectionExtensions
{
    /// <summary>
    /// Schedules and CSV file drops (their validators and the background services that fire them) and
    /// the validator of webhook triggers (whose intake lives in the HTTP API library).
    /// With a data directory, relative drop folders live under <c>DIR/drops</c>. Settings come from
    /// <paramref name="configure"/>; hosts bind <c>ServicesSync:Triggers</c> through the composition's
    /// <c>AddServicesSyncSettings</c>.
    /// </summary>
    public static IServiceCollection AddServicesSyncTriggers(this IServiceCollection services, string? dataDirectory, Action<TriggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ScheduleService)))
        {
            return services;
        }

        services.AddOptions<TriggerOptions>().Configure(options =>
        {
            options.DropsDirectory ??= dataDirectory is null ? null : Path.Combine(dataDirectory, "drops");
            configure?.Invoke(options);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TriggerOptions>>().Value);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityNodeValidator, ScheduleTriggerValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityNodeValidator, FileDropTriggerValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityNodeValidator, WebhookTriggerValidator>());
        services.TryAddSingleton<ScheduleRegistry>();
        services.TryAddSingleton<ScheduleFirer>();
        services.TryAddSingleton<FileDropProcessor>();
        services.AddSingleton<ScheduleService>();
        services.AddSingleton<FileDropService>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ScheduleService>());
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<FileDropService>());
        return services;
    }
}
