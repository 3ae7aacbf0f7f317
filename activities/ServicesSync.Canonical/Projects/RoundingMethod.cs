namespace ServicesSync.Canonical;

/// <summary>Which way billable time is rounded to the project's increment.</summary>
public enum RoundingMethod
{
    Up,
    Down,

    /// <summary>To the nearest increment; exactly half way rounds up.</summary>
    Nearest,
}
