using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using ServicesSync.Api.Http;
using ServicesSync.Api.Instances;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Execution;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Runs;

/// <summary>Manual starts of published workflows: the request body is the run's input message.</summary>
internal static class RunsApi
{
    public static void MapRunsApi(this IEndpointRouteBuilder api)
    {
        api.MapPost("/workflows/{id}/runs", StartAsync)
            .RequireAuthorization(ApiScopes.Run)
            .WithTags("Runs")
            .WithName("StartRun")
            .WithSummary("Starts a run of the newest (or ?version=) published version with the body as input; ?wait=seconds awaits the end.")
            .Accepts<object>("application/json");
    }

    internal static async Task<Results<Accepted<RunAcceptedResponse>, Ok<InstanceResponse>, ProblemHttpResult>> StartAsync(
        string id,
        HttpRequest request,
        IDefinitionStore definitions,
        IWorkflowRuntime runtime,
        IOptions<RuntimeOptions> runtimeOptions,
        IOptions<ServicesSyncApiOptions> apiOptions,
        CancellationToken cancellationToken)
    {
        var version = Query.Int(request, "version", 1, int.MaxValue);
        var trigger = Query.String(request, "trigger");
        var maxWait = (int)apiOptions.Value.MaxRunWait.TotalSeconds;
        var wait = Query.Int(request, "wait", 0, maxWait);
        var input = await RequestBody.ReadJsonAsync(request, runtimeOptions.Value.MaxMessageBytes, cancellationToken);

        var published = await definitions.GetPublishedAsync(id, version, cancellationToken);
        if (published is null)
        {
            return ApiProblems.NotFound(await DescribeMissingAsync(definitions, id, version, cancellationToken));
        }

        var instance = await runtime.StartAsync(
            new StartRunRequest { WorkflowId = id, Version = published.Version, Input = input, TriggerActivityId = trigger },
            cancellationToken);

        if (wait is > 0)
        {
            instance = await runtime.WaitAsync(instance.Id, TimeSpan.FromSeconds(wait.Value), cancellationToken);
            if (instance.Status is InstanceStatus.Completed or InstanceStatus.Faulted or InstanceStatus.Cancelled)
            {
                return TypedResults.Ok(InstanceResponse.From(instance, journal: null));
            }
        }

        return TypedResults.Accepted(InstancesApi.InstanceLocation(instance.Id), new RunAcceptedResponse(instance.Id, instance.Status));
    }

    private static async Task<string> DescribeMissingAsync(IDefinitionStore definitions, string id, int? version, CancellationToken cancellationToken)
    {
        if (version is not null)
        {
            return $"Workflow '{id}' has no published version {version}.";
        }

        return await definitions.GetDraftAsync(id, cancellationToken) is null
            ? $"Workflow '{id}' does not exist."
            : $"Workflow '{id}' has no published version; publish it before starting runs.";
    }
}
