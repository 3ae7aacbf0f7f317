using Microsoft.Extensions.Logging;

namespace ServicesSync.Execution;

/// <summary>The engine's log events, as source-generated message templates.</summary>
internal static partial class EngineLog
{
    [LoggerMessage(1, LogLevel.Information, "Run {InstanceId} of {WorkflowId} started")]
    public static partial void RunStarted(ILogger logger, string workflowId, string instanceId);

    [LoggerMessage(2, LogLevel.Information, "Run {InstanceId} of {WorkflowId} completed")]
    public static partial void RunCompleted(ILogger logger, string workflowId, string instanceId);

    [LoggerMessage(3, LogLevel.Warning, "Run {InstanceId} of {WorkflowId} faulted with {IncidentCount} incident(s)")]
    public static partial void RunFaulted(ILogger logger, string workflowId, string instanceId, int incidentCount);

    [LoggerMessage(4, LogLevel.Information, "Run {InstanceId} of {WorkflowId} cancelled")]
    public static partial void RunCancelled(ILogger logger, string workflowId, string instanceId);

    [LoggerMessage(5, LogLevel.Warning, "Activity {ActivityId} of run {InstanceId} ({WorkflowId}) failed: {Error}")]
    public static partial void ActivityFaulted(ILogger logger, string workflowId, string instanceId, string activityId, string error);

    [LoggerMessage(6, LogLevel.Error, "The driver of run {InstanceId} ({WorkflowId}) stopped; the run resumes from its last commit on the next start")]
    public static partial void DriverFailed(ILogger logger, Exception exception, string workflowId, string instanceId);

    [LoggerMessage(7, LogLevel.Warning, "A follow-up action of run {InstanceId} ({WorkflowId}) failed; start-up recovery repairs it")]
    public static partial void SideChannelFailed(ILogger logger, Exception exception, string workflowId, string instanceId);

    [LoggerMessage(8, LogLevel.Warning, "Commit of run {InstanceId} ({WorkflowId}) failed (attempt {Attempt}); retrying")]
    public static partial void CommitRetry(ILogger logger, Exception exception, string workflowId, string instanceId, int attempt);

    [LoggerMessage(9, LogLevel.Information, "Resuming {Count} run(s) that were running when the runtime last stopped")]
    public static partial void Recovering(ILogger logger, int count);

    [LoggerMessage(10, LogLevel.Error, "Run {InstanceId} could not be resumed")]
    public static partial void RecoveryFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(11, LogLevel.Information, "Pruned {Count} finished run(s) older than {Cutoff}")]
    public static partial void Pruned(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(12, LogLevel.Warning, "Shutdown: {Count} run(s) still had activities in flight after the drain timeout; they resume on the next start")]
    public static partial void DrainTimedOut(ILogger logger, int count);

    [LoggerMessage(13, LogLevel.Error, "Pruning finished runs failed")]
    public static partial void PruneFailed(ILogger logger, Exception exception);

    [LoggerMessage(14, LogLevel.Warning, "Renewing this node's leases or taking over the runs of stopped nodes failed; trying again on the next tick")]
    public static partial void LeasesFailed(ILogger logger, Exception exception);

    [LoggerMessage(15, LogLevel.Error, "Run {InstanceId} of {WorkflowId} quarantined: it was resumed {Resumes} time(s) after the runtime stopped while it ran")]
    public static partial void Quarantined(ILogger logger, string workflowId, string instanceId, int resumes);

    [LoggerMessage(16, LogLevel.Error, "Run {InstanceId} could not be cancelled as another node asked")]
    public static partial void ForwardedCancelFailed(ILogger logger, Exception exception, string instanceId);
}
