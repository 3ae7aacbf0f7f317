namespace ServicesSync.Activities.Services.Tempo;

internal static class TempoOutcomes
{
    public const string Approved = "approved";
    public const string NotApproved = "notApproved";
}
