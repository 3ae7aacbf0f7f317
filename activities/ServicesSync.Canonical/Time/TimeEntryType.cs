namespace ServicesSync.Canonical;

/// <summary>What kind of time was logged; only work, travel and overtime can be billable.</summary>
public enum TimeEntryType
{
    Work,
    Travel,
    Overtime,

    /// <summary>Holiday, sickness, other absence: never billable.</summary>
    Leave,

    /// <summary>Internal meetings, training: never billable.</summary>
    Internal,
}
