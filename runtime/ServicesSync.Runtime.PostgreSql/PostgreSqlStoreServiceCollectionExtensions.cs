using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicesSync.Execution.Ownership;
using ServicesSync.Persistence.PostgreSql.Notifications;
using ServicesSync.Persistence.PostgreSql.Ownership;

namespace ServicesSync.Persistence.PostgreSql;

public static class PostgreSqlStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL store. The database is opened (and migrated) when the store is
    /// first resolved; an unreachable or misconfigured database fails there with a
    /// <see cref="Errors.ServicesSyncException"/> of kind Configuration naming host, port and database.
    /// </summary>
    public static IServiceCollection AddPostgreSqlStore(this IServiceCollection services, PostgreSqlStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgreSqlWorkflowStore(
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PostgreSqlWorkflowStore>>()));
        services.AddWorkflowStoreInterfaces<PostgreSqlWorkflowStore>();
        services.AddSingleton<Transfer.IStoreImport>(sp => sp.GetRequiredService<PostgreSqlWorkflowStore>());
        // Runs are leased between the nodes sharing the database (before the engine's local default).
        services.TryAddSingleton<IRunOwnership>(sp => new PostgreSqlRunOwnership(
            sp.GetRequiredService<PostgreSqlWorkflowStore>(),
            sp.GetRequiredService<IOptions<RuntimeOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        // Cancelling a run another node drives is asked of that node.
        services.TryAddSingleton<ICancellationRequests>(sp => new PostgreSqlCancellationRequests(
            sp.GetRequiredService<PostgreSqlWorkflowStore>(),
            sp.GetRequiredService<TimeProvider>()));
        // Hosts that run the engine hear of publishes and work on other nodes; commands never start it.
        services.AddHostedService<StoreNotificationListener>();
        return services;
    }
}
