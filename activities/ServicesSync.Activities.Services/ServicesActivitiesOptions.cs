namespace ServicesSync.Activities.Services;

/// <summary>Settings of the professional-services activities, set by the host.</summary>
public sealed class ServicesActivitiesOptions
{
    /// <summary>
    /// The data directory. File inputs (a rate card given as a path) must lie under it; without
    /// one, file inputs are refused and only inline JSON is accepted.
    /// </summary>
    public string? DataDirectory { get; set; }
}
