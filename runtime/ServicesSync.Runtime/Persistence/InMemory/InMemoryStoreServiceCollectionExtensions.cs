using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicesSync.Persistence.InMemory;

public static class InMemoryStoreServiceCollectionExtensions
{
    /// <summary>Registers a throw-away in-process store (tests, benchmarks, <c>servicessync run</c> without <c>--data</c>).</summary>
    public static IServiceCollection AddInMemoryStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new InMemoryWorkflowStore(sp.GetRequiredService<TimeProvider>()));

        // One instance behind every store interface, so a commit is visible to every reader.
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IDefinitionStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IInstanceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IIdempotencyStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.AddSingleton<ICrossReferenceStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        return services;
    }
}
