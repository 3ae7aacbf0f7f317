namespace ServicesSync.Canonical;

/// <summary>Whether each time entry is rounded on its own or only the total of a billing run.</summary>
public enum RoundingScope
{
    /// <summary>Each line is rounded, then the rounded lines are summed.</summary>
    PerLine,

    /// <summary>Raw time is summed, and the total is rounded once.</summary>
    Total,
}
