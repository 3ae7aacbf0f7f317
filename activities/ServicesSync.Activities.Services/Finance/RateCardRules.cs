namespace ServicesSync.Activities.Services.Finance;

/// <summary>
/// Codes of the rate-card validator's rules, one per reason an entry or a card can fail or
/// warn. They are data: templates branch on them and docs list them.
/// </summary>
public static class RateCardRules
{
    public const string CardCurrency = "rateCard.currency";
    public const string CardVersions = "rateCard.versions";
    public const string CardAmbiguous = "rateCard.ambiguous";
    public const string RateMissing = "rate.missing";
    public const string RateAmbiguous = "rate.ambiguous";
    public const string RateOverride = "rate.override";
    public const string ProjectMismatch = "project.mismatch";
    public const string ProjectOpen = "project.open";
    public const string Approval = "approval.required";
    public const string Billable = "billable";
    public const string Duration = "duration";
    public const string WorkerUnknown = "worker.unknown";
    public const string WorkerEmployed = "worker.employed";
    public const string WorkerAssigned = "worker.assigned";
    public const string DailyHours = "hours.daily";
    public const string Duplicate = "duplicate";
    public const string NearDuplicate = "duplicate.near";
    public const string NotPriced = "billing.notPriced";
}
