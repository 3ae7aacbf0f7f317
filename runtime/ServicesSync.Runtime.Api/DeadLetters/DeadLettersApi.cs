using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using ServicesSync.Api.Http;
using ServicesSync.Api.Instances;
using ServicesSync.Api.Problems;
using ServicesSync.Api.Security;
using ServicesSync.Execution;
using ServicesSync.Persistence;

namespace ServicesSync.Api.DeadLetters;

/// <summary>
/// Work that needs a person. An incident is retried in place; a parked message is replayed as a
/// new run of the newest published version with the original run's input.
/// </summary>
internal static class DeadLettersApi
{
    private const int MaxTake = 500;

    public static void MapDeadLettersApi(this IEndpointRouteBuilder api)
    {
        var deadLetters = api.MapGroup("/dead-letters").WithTags("Dead letters");

        deadLetters.MapGet("", QueryAsync).RequireAuthorization(ApiScopes.Read)
            .WithName("ListDeadLetters").WithSummary("Dead letters newest first; filter by status and workflow.");
        deadLetters.MapPost("/{id}/retry", RetryAsync).RequireAuthorization(ApiScopes.Run)
            .WithName("RetryDeadLetter").WithSummary("Retries an incident, or replays a parked message as a new run; closes the entry as retried.");
        deadLetters.MapPost("/{id}/discard", DiscardAsync).RequireAuthorization(ApiScopes.Run)
            .WithName("DiscardDeadLetter").WithSummary("Closes the entry without retrying it.");
    }

    internal static async Task<Ok<DeadLetterPageResponse>> QueryAsync(HttpRequest request, IDeadLetterStore store, CancellationToken cancellationToken)
    {
        var status = Query.Enum<DeadLetterStatus>(request, "status");
        var workflow = Query.String(request, "workflow");
        var skip = Query.Int(request, "skip", 0, int.MaxValue) ?? 0;
        var take = Query.Int(request, "take", 1, MaxTake) ?? 50;
        var entries = await store.QueryDeadLettersAsync(status, workflow, skip, take, cancellationToken);
        return TypedResults.Ok(new DeadLetterPageResponse(entries.Select(DeadLetterResponse.From).ToArray(), skip, take));
    }

    internal static async Task<Results<Accepted<DeadLetterRetryResponse>, ProblemHttpResult>> RetryAsync(
        string id,
        IDeadLetterStore deadLetters,
        IInstanceStore instances,
        IDefinitionStore definitions,
        IWorkflowRuntime runtime,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        var entry = await deadLetters.GetDeadLetterAsync(id, cancellationToken);
        if (entry is null)
        {
            return ApiProblems.NotFound($"Dead letter '{id}' does not exist.");
        }

        if (entry.Status != DeadLetterStatus.Open)
        {
            return ApiProblems.Conflict($"Dead letter '{id}' is already {entry.Status.ToString().ToLowerInvariant()}.");
        }

        WorkflowInstance run;
        if (entry.Kind == DeadLetterKind.Incident)
        {
            run = await runtime.RetryAsync(entry.InstanceId, version: null, cancellationToken);
        }
        else
        {
            var original = await instances.GetAsync(entry.InstanceId, cancellationToken);
            if (original is null)
            {
                return ApiProblems.Conflict($"The run '{entry.InstanceId}' that parked this message no longer exists, so its input cannot be replayed.");
            }

            var latest = await definitions.GetPublishedAsync(entry.WorkflowId, version: null, cancellationToken);
            if (latest is null)
            {
                return ApiProblems.NotFound($"Workflow '{entry.WorkflowId}' has no published version to replay the message with.");
            }

            // Start from the same trigger when the newest version still has it.
            var trigger = latest.Definition.FindActivity(original.TriggerActivityId) is null ? null : original.TriggerActivityId;
            run = await runtime.StartAsync(
                new StartRunRequest
                {
                    WorkflowId = entry.WorkflowId,
                    Version = latest.Version,
                    Input = StoredJson.Parse(original.InputJson),
                    TriggerActivityId = trigger,
                    CorrelationKey = original.CorrelationKey,
                    ReplayOf = original.Id,
                },
                cancellationToken);
        }

        await deadLetters.CloseDeadLettersAsync([entry.Id], DeadLetterStatus.Retried, timeProvider.GetUtcNow(), cancellationToken);
        return TypedResults.Accepted(InstancesApi.InstanceLocation(run.Id), new DeadLetterRetryResponse(entry.Id, run.Id, run.Status));
    }

    internal static async Task<Results<Ok<DeadLetterResponse>, ProblemHttpResult>> DiscardAsync(
        string id, IDeadLetterStore deadLetters, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var entry = await deadLetters.GetDeadLetterAsync(id, cancellationToken);
        if (entry is null)
        {
            return ApiProblems.NotFound($"Dead letter '{id}' does not exist.");
        }

        if (entry.Status != DeadLetterStatus.Open)
        {
            return ApiProblems.Conflict($"Dead letter '{id}' is already {entry.Status.ToString().ToLowerInvariant()}.");
        }

        await deadLetters.CloseDeadLettersAsync([entry.Id], DeadLetterStatus.Discarded, timeProvider.GetUtcNow(), cancellationToken);
        var closed = await deadLetters.GetDeadLetterAsync(id, cancellationToken) ?? entry;
        return TypedResults.Ok(DeadLetterResponse.From(closed));
    }
}
