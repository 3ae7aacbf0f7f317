using Polly;
using Polly.Retry;
using Polly.Timeout;
using ServicesSync.Definitions;
using ServicesSync.Errors;

namespace ServicesSync.Execution.Compilation;

/// <summary>
/// Builds the Polly pipeline of one activity node from its retry policy and timeout: retry
/// outside, timeout inside, so every attempt gets the full time budget.
/// </summary>
internal sealed class ResiliencePipelineFactory(TimeProvider clock, RuntimeOptions options)
{
    /// <summary>Set on the <see cref="ResilienceContext"/> of an execution to hear about failed attempts.</summary>
    public static readonly ResiliencePropertyKey<Action<int, Exception>> AttemptFailed = new("servicessync.attemptFailed");

    public ResiliencePipeline? Create(ActivityNode node)
    {
        var retry = node.Retry ?? options.DefaultRetry;
        if ((retry is null || retry.MaxAttempts <= 1) && node.Timeout is null)
        {
            return null;
        }

        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (retry is { MaxAttempts: > 1 })
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                BackoffType = retry.Backoff switch
                {
                    BackoffKind.Constant => DelayBackoffType.Constant,
                    BackoffKind.Linear => DelayBackoffType.Linear,
                    _ => DelayBackoffType.Exponential,
                },
                Delay = retry.InitialDelay,
                MaxDelay = retry.MaxDelay,
                UseJitter = retry.Jitter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception, retry, args.Context.CancellationToken)),
                // The other side said when it can take the call again: never sooner, whatever the back-off.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is ServicesSyncException { RetryAfter: { } wait } ? RetryAfterDelay(retry, args.AttemptNumber, wait) : (TimeSpan?)null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is { } exception
                        && args.Context.Properties.TryGetValue(AttemptFailed, out var report))
                    {
                        report(args.AttemptNumber + 1, exception);
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        if (node.Timeout is { } timeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeout });
        }

        return builder.Build();
    }

    /// <summary>The larger of the server's wait and the policy's back-off for this attempt (without jitter).</summary>
    internal static TimeSpan RetryAfterDelay(RetryPolicySpec retry, int attemptNumber, TimeSpan retryAfter)
    {
        var initial = retry.InitialDelay.TotalMilliseconds;
        var backoff = retry.Backoff switch
        {
            BackoffKind.Constant => initial,
            BackoffKind.Linear => initial * (attemptNumber + 1),
            _ => initial * Math.Pow(2, Math.Min(attemptNumber, 30)),
        };
        var capped = retry.MaxDelay is { } max ? Math.Min(backoff, max.TotalMilliseconds) : backoff;
        var policy = TimeSpan.FromMilliseconds(Math.Min(capped, TimeSpan.FromDays(1).TotalMilliseconds));
        return retryAfter > policy ? retryAfter : policy;
    }

    private static bool ShouldRetry(Exception? exception, RetryPolicySpec retry, CancellationToken cancellation)
    {
        if (exception is null || cancellation.IsCancellationRequested)
        {
            return false;
        }

        var (kind, retryable) = exception switch
        {
            ServicesSyncException e => (e.Kind, e.Retryable),
            TimeoutRejectedException => (ErrorKind.Timeout, true),
            OperationCanceledException => (ErrorKind.Cancelled, false),
            HttpRequestException => (ErrorKind.Transient, true),
            _ => (ErrorKind.Internal, false),
        };
        return retry.RetryOn is { } kinds ? kinds.Contains(kind) : retryable;
    }
}
