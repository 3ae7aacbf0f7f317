namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Where a resolved rate came from, most specific first. Inside one card the first level with a
/// matching line wins; two matching lines on that level are ambiguous, never averaged or picked.
/// </summary>
public enum RateLevel
{
    /// <summary>The entry's own rate, only where the project allows overrides.</summary>
    Override,

    /// <summary>A line for this worker on this task.</summary>
    WorkerTask,

    /// <summary>A line for this worker.</summary>
    Worker,

    /// <summary>A line for the worker's billing role on this task.</summary>
    RoleTask,

    /// <summary>A line for the worker's billing role.</summary>
    Role,

    /// <summary>The card's line with neither worker, role nor task.</summary>
    Default,
}
