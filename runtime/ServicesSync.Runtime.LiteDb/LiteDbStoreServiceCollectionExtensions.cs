using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace ServicesSync.Persistence.LiteDb;

public static class LiteDbStoreServiceCollectionExtensions
{
    /// <summary>Registers the LiteDB store: one file, <c>servicessync.db</c>, under <paramref name="dataDirectory"/>.</summary>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services, string dataDirectory)
        => services.AddLiteDbStore(new LiteDbStoreOptions { DataDirectory = dataDirectory });

    /// <summary>
    /// Registers the LiteDB store. The file is opened when the store is first resolved; a data
    /// directory in use by another process or an unreadable file fails there with a
    /// <see cref="Errors.ServicesSyncException"/> of kind Configuration that names it.
    /// </summary>
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services, LiteDbStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            throw new ArgumentException("The LiteDB store needs a data directory.", nameof(options));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new LiteDbWorkflowStore(
            options,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<LiteDbWorkflowStore>>()));

        // One instance behind every interface; the container may dispose it once per
        // registration, which the store tolerates.
        services.AddWorkflowStoreInterfaces<LiteDbWorkflowStore>();
        services.AddSingleton<ILiteDbStoreMaintenance>(sp => sp.GetRequiredService<LiteDbWorkflowStore>());
        services.AddSingleton<Transfer.IStoreExport>(sp => sp.GetRequiredService<LiteDbWorkflowStore>());
        return services;
    }
}
