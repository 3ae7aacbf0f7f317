using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

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
        return services;
    }
}
