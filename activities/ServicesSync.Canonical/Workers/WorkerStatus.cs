namespace ServicesSync.Canonical;

/// <summary>Where a worker stands today, as the HR system (the owner of this field) says.</summary>
public enum WorkerStatus
{
    /// <summary>Hired with a start date in the future.</summary>
    Pending,

    Active,

    /// <summary>Employed but not working, e.g. on leave.</summary>
    Inactive,

    Terminated,
}
