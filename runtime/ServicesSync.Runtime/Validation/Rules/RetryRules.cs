using ServicesSync.Json;

namespace ServicesSync.Validation.Rules;

/// <summary>
/// Retry policies and timeouts make sense. The schema checks the same bounds on JSON; these
/// rules also cover definitions built in code, which never pass through the schema.
/// </summary>
internal sealed class RetryRules : IValidationRule
{
    public const int MaxAttemptsLimit = 100;

    public void Check(ValidationContext context)
    {
        for (var i = 0; i < context.Activities.Count; i++)
        {
            var node = context.Activities[i];
            var path = PointerPath.Activity(i);
            if (node.Timeout is { } timeout && timeout <= TimeSpan.Zero)
            {
                context.Error(ProblemCodes.InvalidTimeout, $"the timeout must be longer than zero, not {Iso8601Duration.Format(timeout)}", PointerPath.Append(path, "timeout"), node.Id);
            }

            if (node.Retry is not { } retry)
            {
                continue;
            }

            var retryPath = PointerPath.Append(path, "retry");
            if (retry.MaxAttempts is < 1 or > MaxAttemptsLimit)
            {
                context.Error(
                    ProblemCodes.InvalidMaxAttempts,
                    $"maxAttempts must be between 1 and {MaxAttemptsLimit} (1 means no retry), not {retry.MaxAttempts}",
                    PointerPath.Append(retryPath, "maxAttempts"),
                    node.Id);
            }

            if (retry.InitialDelay < TimeSpan.Zero)
            {
                context.Error(ProblemCodes.InvalidRetryDelay, "initialDelay must not be negative", PointerPath.Append(retryPath, "initialDelay"), node.Id);
            }

            if (retry.MaxDelay is { } maxDelay && maxDelay < retry.InitialDelay)
            {
                context.Error(
                    ProblemCodes.InvalidRetryDelay,
                    $"maxDelay ({Iso8601Duration.Format(maxDelay)}) is shorter than initialDelay ({Iso8601Duration.Format(retry.InitialDelay)})",
                    PointerPath.Append(retryPath, "maxDelay"),
                    node.Id);
            }
        }
    }
}
