namespace ServicesSync.Activities.Services.CrossReference;

/// <summary>Outcome names of the cross-reference activities.</summary>
internal static class XrefOutcomes
{
    public const string Found = "found";
    public const string Missing = "missing";
    public const string Linked = "linked";
    public const string Conflict = "conflict";
}
