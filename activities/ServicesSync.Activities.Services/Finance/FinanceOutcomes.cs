namespace ServicesSync.Activities.Services.Finance;

internal static class FinanceOutcomes
{
    public const string Valid = "valid";
    public const string Invalid = "invalid";
}
