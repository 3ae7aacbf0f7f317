namespace ServicesSync.Activities.Services.Jira;

internal static class JiraOutcomes
{
    public const string Worklog = "worklog";
    public const string Deleted = "deleted";
}
