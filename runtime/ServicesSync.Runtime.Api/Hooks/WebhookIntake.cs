using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using ServicesSync.Api.Http;
using ServicesSync.Api.Instances;
using ServicesSync.Api.Problems;
using ServicesSync.Errors;
using ServicesSync.Execution;
using ServicesSync.Persistence;

namespace ServicesSync.Api.Hooks;

/// <summary>
/// Turns an accepted webhook request into a run. The answer is sent only after the runtime has
/// stored the run with the body as its input, so a crash after the answer loses nothing (the run
/// resumes at the next start); a refused request stores and starts nothing.
/// </summary>
internal sealed partial class WebhookIntake(
    WebhookRouteTable routes,
    WebhookAuthenticator authenticator,
    WebhookDedupe dedupe,
    IWorkflowRuntime runtime,
    ILogger<WebhookIntake> logger)
{
    /// <summary>How long a synchronous hook waits for the workflow's output before answering 202.</summary>
    public static readonly TimeSpan SyncWait = TimeSpan.FromSeconds(30);

    public async Task<IResult> HandleAsync(string path, HttpContext context)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        try
        {
            var hook = await ResolveAsync(path, request.Method, cancellationToken);
            WebhookBody.RequireJsonContentType(request.ContentType);
            var raw = await RequestBody.ReadAsync(request, hook.MaxBodyBytes, cancellationToken);
            var signature = await authenticator.AuthenticateAsync(hook, request, raw, cancellationToken);
            var body = WebhookBody.Parse(raw, hook.MaxDepth);
            var identity = await dedupe.IdentifyAsync(hook, request, body, signature, cancellationToken);
            return await StartAsync(hook, body, identity, cancellationToken);
        }
        catch (WebhookRejection rejection)
        {
            LogRejected(logger, path, rejection.Kind.Slug, rejection.Message);
            return ApiProblems.Create(rejection.Kind, rejection.Message);
        }
        catch (ServicesSyncException transient) when (transient.Retryable && !cancellationToken.IsCancellationRequested)
        {
            // Shutting down, or the store is briefly unavailable: nothing was stored, and every
            // webhook sender retries a 503.
            LogRejected(logger, path, ProblemKinds.Unavailable.Slug, transient.Message);
            context.Response.Headers.RetryAfter = "5";
            return ApiProblems.Create(ProblemKinds.Unavailable, transient.Message);
        }
    }

    private async Task<WebhookSettings> ResolveAsync(string path, string method, CancellationToken cancellationToken)
    {
        var hooks = await routes.FindAsync(path, cancellationToken);
        if (hooks.Count == 0)
        {
            throw new WebhookRejection(ProblemKinds.NotFound, $"No published workflow has a webhook at /hooks/{WebhookSettings.NormalisePath(path)}.");
        }

        var matching = hooks.Where(h => string.Equals(h.Method, method, StringComparison.OrdinalIgnoreCase)).ToArray();
        return matching.Length switch
        {
            0 => throw new WebhookRejection(
                ProblemKinds.MethodNotAllowed,
                $"The webhook at /hooks/{hooks[0].Path} accepts {string.Join(" or ", hooks.Select(h => h.Method).Distinct())}, not {method}."),
            1 => matching[0],
            _ => throw new WebhookRejection(
                WebhookProblemKinds.AmbiguousHook,
                $"Workflows {string.Join(", ", matching.Select(h => $"'{h.WorkflowId}'"))} all claim {method} /hooks/{matching[0].Path}; give each its own path."),
        };
    }

    private async Task<IResult> StartAsync(WebhookSettings hook, JsonNode? body, WebhookIdentity? identity, CancellationToken cancellationToken)
    {
        var instanceId = identity is null ? null : WebhookInstanceIds.For(hook.WorkflowId, hook.Binding.Trigger.Id, identity.Key);
        // With an identity the run id is derived from it and the runtime starts it once: of
        // concurrent duplicates, here or on other nodes, exactly one creates the run and answers
        // duplicate:false; every other one is answered with that run (IWorkflowRuntime.StartOnceAsync).
        var started = await runtime.StartOnceAsync(
            new StartRunRequest
            {
                WorkflowId = hook.WorkflowId,
                Version = hook.Binding.Version,
                TriggerActivityId = hook.Binding.Trigger.Id,
                Input = body,
                InstanceId = instanceId,
            },
            cancellationToken);
        if (!started.Created)
        {
            return Duplicate(hook, identity!, started.Instance);
        }

        var instance = started.Instance;
        LogStarted(logger, hook.Path, hook.WorkflowId, instance.Id);

        if (hook.Sync)
        {
            return await AwaitOutputAsync(instance.Id, cancellationToken);
        }

        return TypedResults.Accepted(InstancesApi.InstanceLocation(instance.Id), new WebhookAccepted(instance.Id, Duplicate: false, instance.Status));
    }

    private Ok<WebhookAccepted> Duplicate(WebhookSettings hook, WebhookIdentity identity, WorkflowInstance existing)
    {
        if (identity.Source == WebhookIdentitySource.Signature)
        {
            // Nothing else tells two deliveries apart, so the same signature twice is a replay.
            throw new WebhookRejection(
                WebhookProblemKinds.Replayed,
                "A request with this signature was already received; a replay starts nothing. Senders that redeliver should send a delivery id (set deliveryIdHeader) or the hook a dedupeKey.");
        }

        LogDuplicate(logger, hook.Path, existing.Id);
        return TypedResults.Ok(new WebhookAccepted(existing.Id, Duplicate: true, existing.Status));
    }

    private async Task<IResult> AwaitOutputAsync(string instanceId, CancellationToken cancellationToken)
    {
        var finished = await runtime.WaitAsync(instanceId, SyncWait, cancellationToken);
        switch (finished.Status)
        {
            case InstanceStatus.Completed:
                return new SyncOutputResult(instanceId, finished.OutputJson);
            case InstanceStatus.Faulted or InstanceStatus.Cancelled:
                return ApiProblems.Create(
                    WebhookProblemKinds.WorkflowFailed,
                    $"Run {instanceId} ended {finished.Status.ToString().ToLowerInvariant()}: {finished.Error?.Message ?? "no output"}.",
                    [new("instanceId", instanceId)]);
            default:
                // Still running (or waiting): the caller can follow the run like an asynchronous one.
                return TypedResults.Accepted(InstancesApi.InstanceLocation(instanceId), new WebhookAccepted(instanceId, Duplicate: false, finished.Status));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook /hooks/{HookPath} refused ({Problem}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string hookPath, string problem, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook /hooks/{HookPath} started {WorkflowId} as {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string hookPath, string workflowId, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook /hooks/{HookPath} redelivered; run {InstanceId} already exists")]
    private static partial void LogDuplicate(ILogger logger, string hookPath, string instanceId);
}

/// <summary>The answer to an accepted webhook request.</summary>
internal sealed record WebhookAccepted(string InstanceId, bool Duplicate, InstanceStatus Status);
