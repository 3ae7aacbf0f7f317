namespace ServicesSync.Canonical;

public enum ProjectStatus
{
    /// <summary>Set up but not started: time is not accepted yet.</summary>
    Planned,

    Open,

    /// <summary>Temporarily closed to new time.</summary>
    OnHold,

    Closed,
}
