using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServicesSync.Api.Hooks;

internal static class HooksServiceCollectionExtensions
{
    /// <summary>Webhook intake; secrets come from configuration unless another <see cref="IWebhookSecretSource"/> is registered first.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.TryAddSingleton<IWebhookSecretSource, ConfigurationWebhookSecretSource>();
        services.TryAddSingleton<WebhookRouteTable>();
        services.TryAddSingleton<WebhookAuthenticator>();
        services.TryAddSingleton<WebhookDedupe>();
        services.TryAddSingleton<WebhookIntake>();
        return services;
    }
}
