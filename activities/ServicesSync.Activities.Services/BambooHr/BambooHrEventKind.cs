namespace ServicesSync.Activities.Services.BambooHr;

/// <summary>What happened to an employee record, in either webhook format.</summary>
public enum BambooHrEventKind
{
    Created,
    Updated,
    Deleted,
}
