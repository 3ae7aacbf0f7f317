using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServicesSync.Api.Problems;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Health;

/// <summary>
/// <c>GET /health</c>: liveness and readiness in one, anonymous so orchestrators can probe it. The
/// store's description (which names its file) is shown only to a caller that sent a valid API key.
/// </summary>
internal static partial class HealthApi
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", GetHealthAsync)
            .AllowAnonymous()
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Whether the server and its store answer.");
    }

    internal static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetHealthAsync(
        IWorkflowStore store, IOptions<RuntimeOptions> runtime, ClaimsPrincipal user, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            // A point read of an id that never exists: touches the store without loading anything.
            await store.GetAsync("health-probe", timeout.Token);
            // The description names the data file or database, the node its machine: only a caller
            // with an API key learns where they live.
            return user.Identity?.IsAuthenticated == true
                ? TypedResults.Ok(new HealthResponse("healthy", store.DurabilityDescription, runtime.Value.ResolveNodeId()))
                : TypedResults.Ok(new HealthResponse("healthy", null, null));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnhealthy(loggerFactory.CreateLogger(typeof(HealthApi)), exception);
            return ApiProblems.Create(ProblemKinds.Unavailable, "The store does not answer; see the server log.");
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Health probe failed: the store does not answer")]
    private static partial void LogUnhealthy(ILogger logger, Exception exception);
}

internal sealed record HealthResponse(
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Store,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Node);
