using ServicesSync.Errors;

namespace ServicesSync.Definitions;

/// <summary>How an activity is retried before its failure becomes an incident.</summary>
public sealed record RetryPolicySpec
{
    /// <summary>Total attempts including the first; 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 3;

    public BackoffKind Backoff { get; init; } = BackoffKind.Exponential;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan? MaxDelay { get; init; }

    public bool Jitter { get; init; } = true;

    /// <summary>Error kinds worth retrying; by default whatever the error itself says is retryable.</summary>
    public IReadOnlyList<ErrorKind>? RetryOn { get; init; }
}

public enum BackoffKind
{
    Constant,
    Linear,
    Exponential,
}
