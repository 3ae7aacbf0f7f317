namespace ServicesSync.Canonical;

/// <summary>
/// Names of the canonical entities as used in schema routes (<c>/schemas/canonical/timeEntry</c>),
/// in the cross-reference table's entity type and in docs. Stable once published.
/// </summary>
public static class CanonicalEntities
{
    public const string Worker = "worker";
    public const string Customer = "customer";
    public const string CostCenter = "costCenter";
    public const string Project = "project";
    public const string Task = "task";
    public const string Assignment = "assignment";
    public const string Milestone = "milestone";
    public const string TimeEntry = "timeEntry";
    public const string ExpenseItem = "expenseItem";
    public const string RateCard = "rateCard";
    public const string BillingEvent = "billingEvent";

    /// <summary>Every entity with the CLR type its JSON Schema describes.</summary>
    public static IReadOnlyDictionary<string, Type> Types { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [Worker] = typeof(Canonical.Worker),
        [Customer] = typeof(Canonical.Customer),
        [CostCenter] = typeof(Canonical.CostCenter),
        [Project] = typeof(Canonical.Project),
        [Task] = typeof(ProjectTask),
        [Assignment] = typeof(Canonical.Assignment),
        [Milestone] = typeof(Canonical.Milestone),
        [TimeEntry] = typeof(Canonical.TimeEntry),
        [ExpenseItem] = typeof(Canonical.ExpenseItem),
        [RateCard] = typeof(Canonical.RateCard),
        [BillingEvent] = typeof(Canonical.BillingEvent),
    };
}
