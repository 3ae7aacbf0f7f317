namespace ServicesSync.Activities.Services.Workday;

internal static class WorkdayOutcomes
{
    public const string NotFound = "notFound";
}
