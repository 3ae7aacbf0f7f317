namespace ServicesSync.Execution.State;

internal enum TokenStatus
{
    /// <summary>Ready to run (or was running when the process stopped: it runs again).</summary>
    Pending,

    /// <summary>Executing in this process right now; persisted as <see cref="Pending"/>.</summary>
    Running,

    /// <summary>Waits on a bookmark.</summary>
    Suspended,

    /// <summary>Failed after its retries: an incident waiting for a retry.</summary>
    Faulted,
}
