namespace ServicesSync.Activities.Services.BambooHr;

internal static class BambooHrOutcomes
{
    public const string Hire = "hire";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Collapsed = "collapsed";
    public const string Batch = "batch";
    public const string NotFound = "notFound";
}
