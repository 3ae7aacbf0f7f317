namespace ServicesSync.Activities.Services.Salesforce;

internal static class SalesforceOutcomes
{
    public const string Won = "won";
    public const string NotWon = "notWon";
    public const string Unknown = "unknown";
    public const string Deleted = "deleted";
}
