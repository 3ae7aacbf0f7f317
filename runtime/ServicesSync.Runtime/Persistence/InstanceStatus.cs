namespace ServicesSync.Persistence;

public enum InstanceStatus
{
    /// <summary>Has work to do; a runtime is executing it or will resume it after a restart.</summary>
    Running,

    /// <summary>Waits on one or more bookmarks (a timer, an event, a child run).</summary>
    Suspended,

    Completed,

    /// <summary>Stopped on an incident; can be retried from the failed activity.</summary>
    Faulted,

    Cancelled,
}
