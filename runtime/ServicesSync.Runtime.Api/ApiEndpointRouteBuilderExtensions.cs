using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.ActivityTypes;
using ServicesSync.Api.Keys;
using ServicesSync.Api.Connections;
using ServicesSync.Api.DeadLetters;
using ServicesSync.Api.Events;
using ServicesSync.Api.Health;
using ServicesSync.Api.Hooks;
using ServicesSync.Api.Instances;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Runs;
using ServicesSync.Api.Schedules;
using ServicesSync.Api.Schemas;
using ServicesSync.Api.Workflows;

namespace ServicesSync.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    public const string BasePath = "/api/v1";

    /// <summary>
    /// Maps <c>/health</c>, <c>/openapi/v1.json</c>, the webhooks under <c>/hooks</c> and every route under <c>/api/v1</c>. The same
    /// call on the headless host and the designer host gives both the same API.
    /// </summary>
    public static IEndpointRouteBuilder MapServicesSyncApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapHealthApi();
        endpoints.MapOpenApi().AllowAnonymous();
        endpoints.MapHooksApi();

        var api = endpoints.MapGroup(BasePath).AddEndpointFilter<ProblemExceptionFilter>();
        api.MapSchemaApi();
        api.MapCanonicalSchemasApi();
        api.MapActivityTypesApi();
        api.MapWorkflowsApi();
        api.MapVersionsApi();
        api.MapRunsApi();
        api.MapInstancesApi();
        api.MapDeadLettersApi();
        api.MapEventsApi();
        api.MapSchedulesApi();
        api.MapConnectionsApi();
        api.MapApiKeysApi();
        return endpoints;
    }
}
