namespace ServicesSync.Activities;

/// <summary>A named exit of an activity that connections start from.</summary>
public sealed record OutcomeDescriptor(string Name, string DisplayName, string Description = "");
