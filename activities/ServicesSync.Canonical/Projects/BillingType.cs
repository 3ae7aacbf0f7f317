namespace ServicesSync.Canonical;

/// <summary>How a project earns revenue, which decides whether its time is priced by a rate card.</summary>
public enum BillingType
{
    /// <summary>Approved billable time times the resolved rate.</summary>
    TimeAndMaterials,

    /// <summary>A fixed price invoiced by milestone; time is tracked, not priced.</summary>
    FixedFee,

    /// <summary>A recurring amount per period; time is tracked, not priced.</summary>
    Retainer,

    /// <summary>Internal or pre-sales work: nothing is billable.</summary>
    NonBillable,
}
