using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Activities.Services.BambooHr;
using ServicesSync.Activities.Services.CrossReference;
using ServicesSync.Activities.Services.Finance;
using ServicesSync.Activities.Services.Http;
using ServicesSync.Activities.Services.Jira;
using ServicesSync.Activities.Services.Mapping;
using ServicesSync.Activities.Services.Salesforce;
using ServicesSync.Activities.Services.Secrets;
using ServicesSync.Activities.Services.Tempo;
using ServicesSync.Activities.Services.NetSuite;
using ServicesSync.Activities.Services.Workday;
using ServicesSync.Canonical;
using ServicesSync.Connections;
using ServicesSync.Persistence;
using ServicesSync.Registry;

namespace ServicesSync.Activities.Services;

public static class ServicesActivitiesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the professional-services activities (cross-references, HR/PSA/CRM readers,
    /// mapping to canonical, finance) and the canonical schema provider. Needs an
    /// <see cref="IWorkflowStore"/> for the cross-reference table. The readers call their vendors
    /// through connections; a host that configures them (secrets key, data directory) calls
    /// <see cref="ConnectionsServiceCollectionExtensions.AddServicesSyncConnections"/> first,
    /// otherwise they are added here with a key that lives only in this process.
    /// </summary>
    public static IServiceCollection AddServicesActivities(this IServiceCollection services, Action<ServicesActivitiesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ServicesActivitiesOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddCanonicalModel();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICrossReferenceStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.TryAddSingleton<CrossReferenceResolver>();

        Add<XrefLookupActivity>(services);
        Add<XrefRequireActivity>(services);
        Add<XrefLinkActivity>(services);
        Add<ValidateRateCardActivity>(services);
        Add<BuildBillingEventActivity>(services);
        Add<EmployeeEventActivity>(services);
        Add<GetEmployeeActivity>(services);
        Add<ChangedEmployeesActivity>(services);
        Add<ParseWorkersActivity>(services);
        Add<GetWorkersActivity>(services);
        Add<WorklogEventActivity>(services);
        Add<ApprovalActivity>(services);
        Add<OpportunityActivity>(services);
        Add<SuiteQlQueryActivity>(services);
        Add<MapBambooHrWorkerActivity>(services);
        Add<MapWorkdayWorkerActivity>(services);
        Add<MapJiraWorklogActivity>(services);
        Add<MapTempoTimesheetActivity>(services);
        Add<MapSalesforceDealActivity>(services);

        // Design-time checks, so a bad inline rate card or time zone fails at publish, not on the first run.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivityNodeValidator, ValidateRateCardNodeValidator>());
        foreach (var type in new[] { ServicesActivityTypes.MapBambooHrWorker, ServicesActivityTypes.MapJiraWorklog, ServicesActivityTypes.MapTempoTimesheet })
        {
            if (!services.Any(d => d.ServiceType == typeof(IActivityNodeValidator) && d.ImplementationInstance is MappingNodeValidator v && v.ActivityType == type))
            {
                services.AddSingleton<IActivityNodeValidator>(new MappingNodeValidator(type));
            }
        }

        // Idempotent: the first registration (the host's, with its configuration) wins.
        services.AddServicesSyncConnections();
        services.TryAddSingleton<VendorApi>();
        services.TryAddSingleton(sp => new WebhookSecrets(sp.GetService<IConfiguration>()));
        return services;
    }

    private static void Add<TActivity>(IServiceCollection services)
        where TActivity : class, IActivity
    {
        // Idempotent, so calling AddServicesActivities twice does not register everything twice.
        if (services.Any(d => d.ServiceType == typeof(TActivity)))
        {
            return;
        }

        services.AddSingleton(ActivityRegistration.For<TActivity>());
        services.TryAddTransient<TActivity>();
    }
}
