using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using ServicesSync.Activities;
using ServicesSync.Execution.Compilation;
using ServicesSync.Execution.Inputs;
using ServicesSync.Execution.State;
using ServicesSync.Expressions;
using ServicesSync.Idempotency;

namespace ServicesSync.Execution.Instances;

/// <summary>
/// Runs one token: resolves the node's inputs, creates the activity, and executes it inside the
/// node's retry/timeout pipeline. Never throws; every outcome becomes a <see cref="Completion"/>.
/// </summary>
internal sealed class ActivityInvoker(
    IServiceProvider services,
    InputResolver inputs,
    IIdempotencyService idempotency,
    TimeProvider clock,
    ILoggerFactory loggerFactory)
{
    private readonly ConcurrentDictionary<Type, ObjectFactory> factories = new();
    private readonly ILogger activityLogger = loggerFactory.CreateLogger("ServicesSync.Activity");

    public async Task<Completion> InvokeAsync(
        RunIdentity run,
        Token token,
        ExecutableNode node,
        IReadOnlyDictionary<string, JsonNode?> variables,
        BookmarkResumption? resumption,
        Action<AttemptFailed> onAttemptFailed,
        CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        var attempts = 0;
        ActivityOutput output;
        using var logScope = activityLogger.BeginScope(new LogScope(run.WorkflowId, run.InstanceId, node.Id));
        try
        {
            if (node.Pipeline is null)
            {
                attempts = 1;
                output = await ExecuteOnceAsync(run, token, node, variables, resumption, 1, cancellationToken);
            }
            else
            {
                var context = ResilienceContextPool.Shared.Get(cancellationToken);
                context.Properties.Set(
                    ResiliencePipelineFactory.AttemptFailed,
                    (attempt, error) => onAttemptFailed(new AttemptFailed(token, attempt, error, clock.GetUtcNow())));
                try
                {
                    output = await node.Pipeline.ExecuteAsync(
                        async ctx =>
                        {
                            attempts++;
                            return await ExecuteOnceAsync(run, token, node, variables, resumption, attempts, ctx.CancellationToken);
                        },
                        context);
                }
                finally
                {
                    ResilienceContextPool.Shared.Return(context);
                }
            }

            return new Completion(token, output.Result, null, startedAt, clock.GetUtcNow(), attempts, output.VariableChanges, output.Events);
        }
#pragma warning disable CA1031 // Any failure of an activity becomes an incident; the engine itself must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new Completion(token, null, ex, startedAt, clock.GetUtcNow(), Math.Max(attempts, 1), []);
        }
    }

    private async Task<ActivityOutput> ExecuteOnceAsync(
        RunIdentity run,
        Token token,
        ExecutableNode node,
        IReadOnlyDictionary<string, JsonNode?> variables,
        BookmarkResumption? resumption,
        int attempt,
        CancellationToken cancellationToken)
    {
        var input = token.Input;
        var resolved = await inputs.ResolveAsync(
            node,
            new ExpressionScope
            {
                Input = input,
                Variables = variables,
                WorkflowId = run.WorkflowId,
                InstanceId = run.InstanceId,
                ActivityId = node.Id,
                Clock = clock,
                Logger = activityLogger,
            },
            cancellationToken);

        var context = new ActivityContext
        {
            WorkflowId = run.WorkflowId,
            WorkflowVersion = run.WorkflowVersion,
            InstanceId = run.InstanceId,
            ActivityId = node.Id,
            ActivityType = node.Descriptor.Type,
            Scope = token.Scope,
            Attempt = attempt,
            Input = input,
            Inputs = resolved,
            Variables = variables,
            Clock = clock,
            Logger = activityLogger,
            Idempotency = idempotency,
            CancellationToken = cancellationToken,
        };

        var activity = (IActivity)factories
            .GetOrAdd(node.Registration.ImplementationType, static type => ActivatorUtilities.CreateFactory(type, Type.EmptyTypes))
            .Invoke(services, null);
        try
        {
            var result = resumption is null
                ? await activity.ExecuteAsync(context)
                : activity is IResumableActivity resumable
                    ? await resumable.ResumeAsync(context, resumption)
                    : ActivityResult.Outcome(node.Descriptor.DefaultOutcome, resumption.Input);
            return new ActivityOutput(result, context.VariableChanges, context.PublishedEvents);
        }
        finally
        {
            switch (activity)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}

/// <summary>What one execution produced besides its result.</summary>
internal readonly record struct ActivityOutput(
    ActivityResult Result,
    IReadOnlyList<KeyValuePair<string, JsonNode?>> VariableChanges,
    IReadOnlyList<PublishedEvent> Events);

/// <summary>Who is running: the ids every log event and context carries.</summary>
internal sealed record RunIdentity(string WorkflowId, int WorkflowVersion, string InstanceId);

/// <summary>
/// Log scope state carrying the workflow, instance and activity ids as named properties, so
/// every event logged inside an activity can be filtered by them.
/// </summary>
internal sealed class LogScope(string workflowId, string instanceId, string? activityId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => activityId is null ? 2 : 3;

    public KeyValuePair<string, object?> this[int index] => index switch
    {
        0 => new("WorkflowId", workflowId),
        1 => new("InstanceId", instanceId),
        2 when activityId is not null => new("ActivityId", activityId),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString()
        => activityId is null ? $"{workflowId}/{instanceId}" : $"{workflowId}/{instanceId}/{activityId}";
}
