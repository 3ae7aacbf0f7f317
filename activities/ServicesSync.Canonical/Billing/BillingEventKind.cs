namespace ServicesSync.Canonical;

/// <summary>What a billing event invoices.</summary>
public enum BillingEventKind
{
    /// <summary>Approved billable time priced by the rate card.</summary>
    Time,

    /// <summary>A completed milestone at its fixed amount.</summary>
    Milestone,

    /// <summary>Re-billed expenses.</summary>
    Expense,
}
