using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Activities;
using ServicesSync.Connections;
using ServicesSync.Connectors.Common;
using ServicesSync.Connectors.Jira;
using ServicesSync.Connectors.JsonRpc;
using ServicesSync.Connectors.NetSuite;
using ServicesSync.Connectors.Redmine;
using ServicesSync.Connectors.Rest;
using ServicesSync.Connectors.Tryton;
using ServicesSync.Persistence;
using ServicesSync.Registry;

namespace ServicesSync.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers connections (<see cref="ConnectionsServiceCollectionExtensions.AddServicesSyncConnections"/>)
    /// and every connector activity with its probe. Hosts call it once beside the core activities.
    /// </summary>
    public static IServiceCollection AddServicesSyncConnectors(this IServiceCollection services, IConfiguration? configuration = null, string? dataDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddServicesSyncConnections(configuration, dataDirectory);
        if (services.Any(d => d.ServiceType == typeof(TrytonRpc)))
        {
            return services;
        }

        services.TryAddSingleton<ICrossReferenceStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.AddSingleton<CrossReferences>();
        services.AddSingleton<TrytonRpc>();
        services.AddSingleton<TrytonErp>();
        services.AddSingleton<NetSuiteRecords>();
        services.AddSingleton<RedmineApi>();
        services.AddSingleton<IConnectionProbe, TrytonProbe>();
        services.AddSingleton<IConnectionProbe, NetSuiteProbe>();
        services.AddSingleton<IConnectionProbe, RedmineProbe>();

        Add<RestRequestActivity>(services);
        Add<JsonRpcCallActivity>(services);
        Add<NetSuiteUpsertEmployeeActivity>(services);
        Add<NetSuiteUpsertCustomerActivity>(services);
        Add<NetSuiteUpsertProjectActivity>(services);
        Add<NetSuiteUpsertTimeBillActivity>(services);
        Add<TrytonEnsureEmployeeActivity>(services);
        Add<TrytonEnsureProjectActivity>(services);
        Add<TrytonEnsureTaskActivity>(services);
        Add<TrytonPostTimeEntryActivity>(services);
        Add<TrytonInvoiceProjectActivity>(services);
        Add<RedmineUpsertProjectActivity>(services);
        Add<RedmineUpsertUserActivity>(services);
        Add<RedmineAddMembershipActivity>(services);
        Add<RedmineCreateIssueActivity>(services);
        Add<RedminePostTimeEntryActivity>(services);
        Add<RedmineListTimeEntriesActivity>(services);
        Add<JiraCreateIssueActivity>(services);
        Add<JiraGetIssueActivity>(services);
        return services;
    }

    private static void Add<TActivity>(IServiceCollection services)
        where TActivity : class, IActivity
    {
        services.AddSingleton(ActivityRegistration.For<TActivity>());
        services.TryAddTransient<TActivity>();
    }
}
