using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Schemas;

namespace ServicesSync.Canonical;

public static class CanonicalServiceCollectionExtensions
{
    /// <summary>Registers the canonical schema provider the API serves <c>/api/v1/schemas/canonical</c> from.</summary>
    public static IServiceCollection AddCanonicalModel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ICanonicalSchemaProvider, CanonicalSchemaProvider>();
        return services;
    }
}
