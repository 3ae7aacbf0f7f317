namespace ServicesSync.Activities;

/// <summary>Outcome names shared by many activities.</summary>
public static class ActivityOutcomes
{
    public const string Done = "done";
    public const string True = "true";
    public const string False = "false";
    public const string Body = "body";
}
