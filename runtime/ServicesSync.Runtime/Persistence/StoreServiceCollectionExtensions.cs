using Microsoft.Extensions.DependencyInjection;

namespace ServicesSync.Persistence;

public static class StoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store <typeparamref name="TStore"/> (already registered as itself) behind
    /// <see cref="IWorkflowStore"/> and every part of it, so one instance serves every reader and
    /// a part added to <see cref="IWorkflowStore"/> later is registered without touching the stores.
    /// </summary>
    public static IServiceCollection AddWorkflowStoreInterfaces<TStore>(this IServiceCollection services)
        where TStore : class, IWorkflowStore
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<TStore>());
        foreach (var part in StoreParts)
        {
            services.AddSingleton(part, sp => sp.GetRequiredService<TStore>());
        }

        return services;
    }

    /// <summary>Registers an existing store instance (shared between service providers in tests and tools).</summary>
    public static IServiceCollection AddWorkflowStore(this IServiceCollection services, IWorkflowStore store)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        services.AddSingleton(store);
        foreach (var part in StoreParts)
        {
            services.AddSingleton(part, store);
        }

        return services;
    }

    private static IEnumerable<Type> StoreParts
        => typeof(IWorkflowStore).GetInterfaces().Where(i => i.Namespace == typeof(IWorkflowStore).Namespace);
}
