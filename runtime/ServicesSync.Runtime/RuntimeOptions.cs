namespace ServicesSync;

/// <summary>Engine settings, bound from the <c>ServicesSync:Runtime</c> configuration section.</summary>
public sealed class RuntimeOptions
{
    /// <summary>How long finished (completed or cancelled) instances are kept before pruning.</summary>
    /// <summary>
    /// This node's name in health answers and logs (<c>ServicesSync:Runtime:NodeId</c>); by default
    /// the machine name and process id, which tells nodes sharing one PostgreSQL store apart.
    /// </summary>
    public string? NodeId { get; set; }

    /// <summary><see cref="NodeId"/>, or the default when it is not configured.</summary>
    public string ResolveNodeId()
        => string.IsNullOrWhiteSpace(NodeId) ? $"{Environment.MachineName}/{Environment.ProcessId}" : NodeId;

    /// <summary>
    /// On a shared store: how long a node's claim on the runs it drives lasts without a heartbeat.
    /// A node that dies loses its runs this long after its last heartbeat; the others then resume them.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>On a shared store: how often a node looks for runs whose node died (and renews its own claims).</summary>
    public TimeSpan OrphanScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the pruning pass runs.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest message (an activity input or output) accepted, in UTF-8 bytes.</summary>
    public int MaxMessageBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Upper bound of a for-each's parallelism whatever a definition asks for.</summary>
    public int MaxParallelism { get; set; } = 64;

    /// <summary>How long a graceful shutdown waits for in-flight activities.</summary>
    public TimeSpan ShutdownDrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retry policy of activities whose definition sets none. It only ever retries errors that say
    /// they are retryable (network faults, 5xx, timeouts), never validation or permanent errors.
    /// Set to null for no retries by default.
    /// </summary>
    public Definitions.RetryPolicySpec? DefaultRetry { get; set; } = new()
    {
        MaxAttempts = 3,
        Backoff = Definitions.BackoffKind.Exponential,
        InitialDelay = TimeSpan.FromSeconds(1),
        MaxDelay = TimeSpan.FromSeconds(30),
    };

    /// <summary>How many commits the journal writer groups into one store transaction at most.</summary>
    public int MaxCommitBatch { get; set; } = 256;

    /// <summary>
    /// How many times a run that was running when the runtime died is resumed at start. One more
    /// and it is quarantined (faulted with an incident) instead: a run that takes the process down
    /// (out of memory, a native crash) would otherwise do so again at every restart.
    /// </summary>
    public int MaxCrashResumes { get; set; } = 3;
}
