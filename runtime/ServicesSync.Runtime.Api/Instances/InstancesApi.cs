using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Execution;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Instances;

/// <summary>Runs as operators see them: the list, one run with its journal, retry and cancel.</summary>
internal static class InstancesApi
{
    /// <summary>Bodies of operator actions are tiny; anything bigger is a mistake.</summary>
    private const int MaxActionBodyBytes = 64 * 1024;

    public static void MapInstancesApi(this IEndpointRouteBuilder api)
    {
        var instances = api.MapGroup("/instances").WithTags("Instances");

        instances.MapGet("", QueryAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("ListInstances").WithSummary("Instances newest first; filter by workflow, status and creation time.");
        instances.MapGet("/{id}", GetAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("GetInstance").WithSummary("One instance with its input, output and journal.");
        instances.MapPost("/{id}/retry", RetryAsync).RequireAuthorization(ApiScopes.Run)
            .WithName("RetryInstance").WithSummary("Retries a faulted instance from the failed activities; optional body {\"version\": n} moves it to another published version.");
        instances.MapPost("/{id}/cancel", CancelAsync).RequireAuthorization(ApiScopes.Run)
            .WithName("CancelInstance").WithSummary("Cancels a running, suspended or faulted instance.");
    }

    internal static async Task<Ok<InstancePageResponse>> QueryAsync(HttpRequest request, IInstanceStore store, CancellationToken cancellationToken)
    {
        var query = new InstanceQuery
        {
            WorkflowId = Query.String(request, "workflow"),
            Status = Query.Enum<InstanceStatus>(request, "status"),
            CreatedFrom = Query.Timestamp(request, "from"),
            CreatedTo = Query.Timestamp(request, "to"),
            Skip = Query.Int(request, "skip", 0, int.MaxValue) ?? 0,
            Take = Query.Int(request, "take", 1, InstanceQuery.MaxTake) ?? 50,
        };
        var page = await store.QueryAsync(query, cancellationToken);
        return TypedResults.Ok(new InstancePageResponse(
            page.Items.Select(InstanceSummaryResponse.From).ToArray(), page.Total, page.TotalExact, query.Skip, query.Take));
    }

    internal static async Task<Results<Ok<InstanceResponse>, ProblemHttpResult>> GetAsync(
        string id, IInstanceStore store, CancellationToken cancellationToken)
    {
        var instance = await store.GetAsync(id, cancellationToken);
        if (instance is null)
        {
            return ApiProblems.NotFound($"Instance '{id}' does not exist.");
        }

        var journal = await store.GetJournalAsync(id, loopKey: null, cancellationToken);
        return TypedResults.Ok(InstanceResponse.From(instance, journal));
    }

    internal static async Task<Results<Accepted<RunAcceptedResponse>, ProblemHttpResult>> RetryAsync(
        string id, HttpRequest request, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadJsonAsync(request, MaxActionBodyBytes, cancellationToken);
        int? version = null;
        if (body is not null)
        {
            if (body is not JsonObject options || (options["version"] is { } v && !TryGetVersion(v, out version)))
            {
                return ApiProblems.InvalidRequest("The retry body must be empty or an object such as {\"version\": 3}, with a positive whole version number.");
            }

            // A misspelt "version" would otherwise retry on the current version without a word.
            if (options.Select(p => p.Key).FirstOrDefault(k => k != "version") is { } unknown)
            {
                return ApiProblems.InvalidRequest($"The retry body has an unknown property '{unknown}'; the only one is 'version'.");
            }
        }

        var instance = await runtime.RetryAsync(id, version, cancellationToken);
        return TypedResults.Accepted(InstanceLocation(instance.Id), new RunAcceptedResponse(instance.Id, instance.Status));
    }

    internal static async Task<Ok<InstanceSummaryResponse>> CancelAsync(string id, IWorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var instance = await runtime.CancelAsync(id, cancellationToken);
        return TypedResults.Ok(InstanceSummaryResponse.From(instance));
    }

    public static string InstanceLocation(string instanceId) => $"/api/v1/instances/{Uri.EscapeDataString(instanceId)}";

    private static bool TryGetVersion(JsonNode node, out int? version)
    {
        version = null;
        if (node is JsonValue value && value.TryGetValue<int>(out var number) && number > 0)
        {
            version = number;
            return true;
        }

        return false;
    }
}
