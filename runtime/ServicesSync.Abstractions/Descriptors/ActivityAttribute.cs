namespace ServicesSync.Activities;

/// <summary>Declares an activity type's metadata on its class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string type) : Attribute
{
    public string Type { get; } = type;

    public int Version { get; init; } = 1;

    public string Category { get; init; } = "General";

    public string? DisplayName { get; init; }

    public string Description { get; init; } = "";

    public bool IsTrigger { get; init; }

    /// <summary>Outcome names; the first is the default. Defaults to a single <c>done</c>.</summary>
    public string[] Outcomes { get; init; } = [ActivityOutcomes.Done];

    public FlowRole Role { get; init; } = FlowRole.Task;
}
