using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicesSync.Api.Hooks;
using ServicesSync.Api.OpenApi;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Persistence;

namespace ServicesSync.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <see cref="ApiEndpointRouteBuilderExtensions.MapServicesSyncApi"/> needs:
    /// problem details, API key authentication with the <c>read</c>/<c>write</c>/<c>run</c>
    /// policies, JSON options and the OpenAPI document. The engine and a store are registered separately.
    /// </summary>
    /// <remarks>
    /// Policies name no scheme: they check <c>scope</c> claims of the signed-in user. To accept
    /// OIDC tokens too, add a JwtBearer scheme and a policy scheme that forwards to it when an
    /// <c>Authorization</c> header is present, and to <see cref="ApiKeyDefaults.Scheme"/> otherwise.
    /// </remarks>
    public static IServiceCollection AddServicesSyncApi(this IServiceCollection services, Action<ServicesSyncApiOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ServicesSyncApiOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyCache>();
        // Handlers ask for the part of the store they use; one store object implements them all.
        services.TryAddSingleton<IDefinitionStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.TryAddSingleton<IInstanceStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.TryAddSingleton<IDeadLetterStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.TryAddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        services.TryAddSingleton<IScheduleStore>(sp => sp.GetRequiredService<IWorkflowStore>());

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsCustomization.Apply);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        });

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<ApiKeyAuthenticationOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, displayName: "API key", _ => { });
        var authorization = services.AddAuthorizationBuilder();
        foreach (var scope in ApiScopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddWebhooks();

        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<ApiKeySecurityTransformer>();
            o.AddOperationTransformer<ApiKeySecurityTransformer>();
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "ServicesSync API";
                document.Info.Description = "Workflows, runs and dead letters of a ServicesSync runtime. Errors are RFC 7807 problem details.";
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
